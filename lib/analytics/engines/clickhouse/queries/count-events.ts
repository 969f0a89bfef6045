import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";

// Every stored event of a site (operators, benchmarks, the zero-loss checks).

const COUNT_SQL = "SELECT count() AS events FROM events WHERE site_id = {site:String}";

export async function countEvents(ch: ClickHouse, siteId: string): Promise<number> {
  const [row] = await ch.query<{ events: number | string }>(COUNT_SQL, { site: siteId });
  return Number(row?.events ?? 0);
}
