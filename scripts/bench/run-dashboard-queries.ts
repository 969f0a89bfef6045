import { getBreakdown, getGoalConversions, getTimeseries, getTopStats } from "@/lib/analytics/query";
import {
  DIMENSIONS,
  type BreakdownRow,
  type Dimension,
  type GoalDefinition,
  type GoalRow,
  type StatsQuery,
  type TimeseriesPoint,
  type TopStats,
} from "@/lib/analytics/types";

// For the benchmark and the query dev tools (the app's pages load their panels through
// components/dashboard/dashboard-data.ts): every query of a full dashboard (all 15
// breakdowns) asked for at once. Unfiltered, each panel is its own small rollup query, all
// in parallel (the pool has 10 connections); filtered, the panels' requests are answered by
// a few shared scans (lib/analytics/query/scan-batcher.ts).
// timings: ms from the start of the load until each query answered (pool wait included),
// plus "total"; the benchmark prints them per panel.

export type DashboardQueryRun = {
  topStats: TopStats;
  timeseries: TimeseriesPoint[];
  breakdowns: Record<Dimension, BreakdownRow[]>;
  goals: GoalRow[];
  timings: Record<string, number>;
};

/** `limit`: rows per panel (default 10; ask one more than shown to know whether there are more). */
export async function runDashboardQueries(q: StatsQuery, goals: GoalDefinition[], options: { limit?: number } = {}): Promise<DashboardQueryRun> {
  const limit = options.limit ?? 10;
  const started = performance.now();
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const result = await run();
    timings[name] = Math.round((performance.now() - started) * 10) / 10;
    return result;
  };
  const [topStats, timeseries, goalRows, ...panels] = await Promise.all([
    timed("topStats", () => getTopStats(q)),
    timed("timeseries", () => getTimeseries(q)),
    timed("goals", () => getGoalConversions(q, goals)),
    ...DIMENSIONS.map((d) => timed(`breakdown:${d}`, () => getBreakdown(q, d, { limit }))),
  ]);
  timings.total = Math.round((performance.now() - started) * 10) / 10;
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d, i) => [d, panels[i] ?? []])) as Record<Dimension, BreakdownRow[]>;
  return { topStats, timeseries, breakdowns, goals: goalRows, timings };
}
