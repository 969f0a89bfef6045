import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";

// Pageviews per site in [from, to) for the usage check: the pageviews of the visits that
// started then (Postgres' hourly_stats count a visit's pageviews in the UTC hour it began).
// Sites without any are absent.

const PAGEVIEWS_SQL = `SELECT site_id, toFloat64(sum(pageviews)) AS pageviews
FROM visits FINAL
WHERE site_id IN {sites:Array(String)}
  AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})
GROUP BY site_id
HAVING pageviews > 0`;

export async function pageviewsBySite(ch: ClickHouse, siteIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = await ch.query<{ site_id: string; pageviews: number }>(PAGEVIEWS_SQL, { sites: siteIds, from: from.getTime(), to: to.getTime() });
  return new Map(rows.map((r) => [r.site_id, r.pageviews]));
}
