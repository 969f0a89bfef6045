import { readQuery } from "@/lib/analytics/query/read-query";

// Pageviews per site over whole UTC hours, from the hourly rollups (their primary key is
// (site_id, hour): one index range scan per site, at most 744 rows for a month). Never a
// scan of raw events; the rollups trail ingestion by ROLLUP_INTERVAL_SECONDS.

const PAGEVIEWS_BY_SITE = `SELECT site_id, sum(pageviews)::float8 AS pageviews FROM hourly_stats
WHERE site_id = ANY($1::text[]) AND hour >= $2 AND hour < $3
GROUP BY site_id`;

export async function pageviewsBySite(siteIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const { rows } = await readQuery<{ site_id: string; pageviews: number }>(PAGEVIEWS_BY_SITE, [siteIds, from, to], { site: siteIds[0]! });
  return new Map(rows.map((row) => [row.site_id, row.pageviews]));
}
