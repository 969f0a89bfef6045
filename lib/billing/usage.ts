import { readQuery } from "@/lib/analytics/query/read-query";
import { utcMonth } from "./usage-level";

// An account's pageviews in a calendar month (UTC), from the hourly rollups: hourly_stats
// hours are UTC, so a month is a whole range of rows per site (its primary key is
// (site_id, hour): one index range scan per site, at most 744 rows each). Never a scan of
// raw events. The rollups trail ingestion by a few seconds (ROLLUP_INTERVAL_SECONDS).
// Sites deleted during the month no longer count: their rollups went with them.
// planThatFits and usageLevel live in usage-level.ts (no database; client-safe).

export { PLAN_HEADROOM, planThatFits, usageLevel, utcMonth, type UsageLevel } from "./usage-level";

export type MonthUsage = {
  /** "2026-11" */
  month: string;
  total: number;
  /** Every site of the account, busiest first (0 for a quiet site). */
  sites: { siteId: string; domain: string; pageviews: number }[];
};

const MONTH_USAGE = `SELECT s.id AS site_id, s.domain, COALESCE(SUM(h.pageviews), 0)::bigint AS pageviews
FROM sites s
LEFT JOIN hourly_stats h ON h.site_id = s.id AND h.hour >= $2::timestamptz AND h.hour < $3::timestamptz
WHERE s.user_id = $1
GROUP BY s.id, s.domain
ORDER BY pageviews DESC, s.domain`;

export async function monthUsage(userId: string, now = new Date()): Promise<MonthUsage> {
  const { month, start, end } = utcMonth(now);
  const { rows } = await readQuery<{ site_id: string; domain: string; pageviews: string }>(MONTH_USAGE, [userId, start, end], { site: `account:${userId}` });
  const sites = rows.map((row) => ({ siteId: row.site_id, domain: row.domain, pageviews: Number(row.pageviews) }));
  return { month, total: sites.reduce((sum, site) => sum + site.pageviews, 0), sites };
}
