import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";

// Visitors with an event at or after `since` (the app's clock minus the realtime window).

const REALTIME_SQL = `SELECT uniqExact(visitor_id) AS visitors FROM events
WHERE site_id = {site:String} AND ts >= fromUnixTimestamp64Milli({since:Int64})`;

export async function realtimeVisitors(ch: ClickHouse, siteId: string, since: Date): Promise<number> {
  const [row] = await ch.query<{ visitors: number | string }>(REALTIME_SQL, { site: siteId, since: since.getTime() });
  return Number(row?.visitors ?? 0);
}
