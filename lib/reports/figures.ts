import { buildStatsQuery, getBreakdown, getTotals } from "@/lib/analytics/query";
import type { BreakdownRow, Metrics } from "@/lib/analytics/types";
import type { ReportPeriod } from "./periods";

// The numbers in a report, read through the very functions behind the dashboard and the Stats
// API (a custom period from–to, no filters), so a report, the dashboard it links to and the
// API agree by construction: the period's totals, the previous period's totals, and the top
// sources and pages.

export const TOP_ROWS = 5;

export type ReportFigures = { current: Metrics; previous: Metrics; sources: BreakdownRow[]; pages: BreakdownRow[] };

export async function getReportFigures(site: { id: string; timezone: string }, period: ReportPeriod): Promise<ReportFigures> {
  const query = buildStatsQuery(site, { period: "custom", from: period.from, to: period.to, filters: {} });
  const [current, previous, sources, pages] = await Promise.all([
    getTotals(query, query.range),
    getTotals(query, period.previous),
    getBreakdown(query, "source", { limit: TOP_ROWS }),
    getBreakdown(query, "page", { limit: TOP_ROWS }),
  ]);
  return { current, previous, sources, pages };
}
