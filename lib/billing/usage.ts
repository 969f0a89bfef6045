import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { getPool } from "@/lib/db/pool";
import { utcMonth } from "./usage-level";

// An account's pageviews in a calendar month (UTC): its sites from Postgres, their pageviews
// from the analytics store (pageviewsBySite: pre-aggregated, never a scan of a month of raw
// events on Postgres; it trails ingestion by ROLLUP_INTERVAL_SECONDS there). Sites deleted
// during the month no longer count: their analytics went with them.
// planThatFits and usageLevel live in usage-level.ts (no database; client-safe).

export { PLAN_HEADROOM, planThatFits, usageLevel, utcMonth, type UsageLevel } from "./usage-level";

export type MonthUsage = {
  /** "2026-11" */
  month: string;
  total: number;
  /** Every site of the account, busiest first (0 for a quiet site). */
  sites: { siteId: string; domain: string; pageviews: number }[];
};

export async function monthUsage(userId: string, now = new Date()): Promise<MonthUsage> {
  const { month, start, end } = utcMonth(now);
  const { rows } = await getPool().query<{ id: string; domain: string }>("SELECT id, domain FROM sites WHERE user_id = $1", [userId]);
  const pageviews = await (await getAnalyticsStore()).pageviewsBySite(rows.map((row) => row.id), start, end);
  const sites = rows
    .map((row) => ({ siteId: row.id, domain: row.domain, pageviews: pageviews.get(row.id) ?? 0 }))
    .sort((a, b) => b.pageviews - a.pageviews || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { month, total: sites.reduce((sum, site) => sum + site.pageviews, 0), sites };
}
