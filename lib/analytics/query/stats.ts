import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import type { BreakdownOptions, BreakdownRow, Dimension, GoalDefinition, GoalRow, Metrics, StatsQuery, TimeseriesPoint, TopStats } from "@/lib/analytics/types";
import { previousRange } from "./range";

// The numbers every screen, API answer, export, report and alert shows, asked of the
// process's analytics store (lib/analytics/get-analytics-store.ts), whichever engine it is.

export { MAX_BREAKDOWN_LIMIT } from "./breakdown-sql";

/** Visitors seen in the last five minutes. */
export const REALTIME_WINDOW_MINUTES = 5;

/** Top stats of the period and of the period of the same length just before it. */
export async function getTopStats(q: StatsQuery): Promise<TopStats> {
  const before = previousRange(q.range);
  const [current, previous] = await Promise.all([getTotals(q, q.range), getTotals(q, before)]);
  return { current, previous, previousRange: before };
}

export async function getTotals(q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  return (await getAnalyticsStore()).totals(q, range);
}

/** The main graph: one point per local hour, day or month of the period. */
export async function getTimeseries(q: StatsQuery): Promise<TimeseriesPoint[]> {
  return (await getAnalyticsStore()).timeseries(q);
}

/** One panel (or its "details" modal): the values of a dimension with their metrics. */
export async function getBreakdown(q: StatsQuery, dimension: Dimension, options: BreakdownOptions = {}): Promise<BreakdownRow[]> {
  return (await getAnalyticsStore()).breakdown(q, dimension, options);
}

export async function getGoalConversions(q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  return (await getAnalyticsStore()).goalConversions(q, goals);
}

export async function getRealtimeVisitors(siteId: string, now = new Date()): Promise<number> {
  return (await getAnalyticsStore()).realtimeVisitors(siteId, new Date(now.getTime() - REALTIME_WINDOW_MINUTES * 60_000));
}

/** "Waiting for the first pageview" until this turns true. */
export async function hasAnyEvent(siteId: string): Promise<boolean> {
  return (await getAnalyticsStore()).hasAnyEvent(siteId);
}
