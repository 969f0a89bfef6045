import type { BreakdownRow, Dimension, GoalDefinition, StatsQuery } from "@/lib/analytics/types";
import { PANEL_ROWS } from "./panels";
import { getBreakdown, getGoalConversions, getTimeseries, getTopStats, hasAnyEvent } from "./stats-source";
import type { DashboardData } from "./types";

/** Memoised per request: panels that share a query (e.g. the goals in two places) run it once. */
export function createDashboardData(query: StatsQuery, goals: GoalDefinition[]): DashboardData {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T,>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };
  return {
    topStats: () => once("top", () => getTopStats(query)),
    timeseries: () => once("series", () => getTimeseries(query)),
    breakdown: (dimension: Dimension) => once(`b:${dimension}`, (): Promise<BreakdownRow[]> => getBreakdown(query, dimension, { limit: PANEL_ROWS, offset: 0, visitorsOnly: true })),
    goals: () => once("goals", () => getGoalConversions(query, goals)),
    hasAnyEvent: () => once("any", () => hasAnyEvent(query.site.id)),
  };
}
