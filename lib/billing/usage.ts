import { readQuery } from "@/lib/analytics/query/read-query";
import { PLANS, type Plan } from "./plans";

// An account's pageviews in a calendar month (UTC), from the hourly rollups: hourly_stats
// hours are UTC, so a month is a whole range of rows per site (its primary key is
// (site_id, hour): one index range scan per site, at most 744 rows each). Never a scan of
// raw events. The rollups trail ingestion by a few seconds (ROLLUP_INTERVAL_SECONDS).
// Sites deleted during the month no longer count: their rollups went with them.

export type MonthUsage = {
  /** "2026-11" */
  month: string;
  total: number;
  /** Every site of the account, busiest first (0 for a quiet site). */
  sites: { siteId: string; domain: string; pageviews: number }[];
};

export type UsageLevel = 0 | 80 | 100;

/** Room above this month's pageviews that a plan should leave: traffic grows, and a month is not over. */
export const PLAN_HEADROOM = 1.2;

const MONTH_USAGE = `SELECT s.id AS site_id, s.domain, COALESCE(SUM(h.pageviews), 0)::bigint AS pageviews
FROM sites s
LEFT JOIN hourly_stats h ON h.site_id = s.id AND h.hour >= $2::timestamptz AND h.hour < $3::timestamptz
WHERE s.user_id = $1
GROUP BY s.id, s.domain
ORDER BY pageviews DESC, s.domain`;

/** [first instant of the UTC month of `now`, first instant of the next month), and its "YYYY-MM". */
export function utcMonth(now: Date): { month: string; start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { month: start.toISOString().slice(0, 7), start, end };
}

export async function monthUsage(userId: string, now = new Date()): Promise<MonthUsage> {
  const { month, start, end } = utcMonth(now);
  const { rows } = await readQuery<{ site_id: string; domain: string; pageviews: string }>(MONTH_USAGE, [userId, start, end], { site: `account:${userId}` });
  const sites = rows.map((row) => ({ siteId: row.site_id, domain: row.domain, pageviews: Number(row.pageviews) }));
  return { month, total: sites.reduce((sum, site) => sum + site.pageviews, 0), sites };
}

/**
 * The plan to suggest for `pageviews` a month: the smallest whose limit is at least
 * pageviews × PLAN_HEADROOM (20 % room to grow). When even the largest plan leaves less room
 * than that but still holds the pageviews, the largest plan; above the largest plan's limit
 * (10M), null: "contact us".
 */
export function planThatFits(pageviews: number): Plan | null {
  const wanted = Math.max(0, pageviews) * PLAN_HEADROOM;
  const roomy = PLANS.find((plan) => plan.pageviewsPerMonth >= wanted);
  if (roomy) return roomy;
  const largest = PLANS[PLANS.length - 1]!;
  return pageviews <= largest.pageviewsPerMonth ? largest : null;
}

/** 100 from the limit on, 80 from 80 % of it, else 0. A limit of 0 or less means none: 0. */
export function usageLevel(total: number, limit: number): UsageLevel {
  if (!(limit > 0)) return 0;
  if (total >= limit) return 100;
  // Integers compared without a float product: total / limit >= 0.8.
  if (total * 5 >= limit * 4) return 80;
  return 0;
}
