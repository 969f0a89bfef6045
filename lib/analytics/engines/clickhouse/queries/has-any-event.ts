import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";

// "Waiting for the first pageview" until this turns true.

const ANY_EVENT_SQL = "SELECT 1 AS found FROM events WHERE site_id = {site:String} LIMIT 1";

export async function hasAnyEvent(ch: ClickHouse, siteId: string): Promise<boolean> {
  const rows = await ch.query(ANY_EVENT_SQL, { site: siteId });
  return rows.length > 0;
}
