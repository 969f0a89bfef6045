import { getBreakdown } from "./get-breakdown";
import { getDashboardScan, partName, type ScanPart } from "./get-dashboard-scan";
import { getGoalConversions } from "./get-goal-conversions";
import { getTimeseries } from "./get-timeseries";
import { getTopStats, getTotals } from "./get-top-stats";
import { previousRange } from "./range";
import { DIMENSIONS, type BreakdownRow, type Dimension, type GoalDefinition, type GoalRow, type StatsQuery, type TimeseriesPoint, type TopStats } from "./types";

// Everything a full dashboard load shows. Unfiltered, each panel is its own small rollup
// query, all in parallel (the pool has 10 connections). Filtered, the panels are grouped
// into a few statements that each read the period's raw visits once (get-dashboard-scan.ts).
// timings: ms from the start of the load until each query answered (pool wait included),
// plus "total"; the benchmark prints them per panel.

export type DashboardData = {
  topStats: TopStats;
  timeseries: TimeseriesPoint[];
  breakdowns: Record<Dimension, BreakdownRow[]>;
  goals: GoalRow[];
  timings: Record<string, number>;
};

export const DASHBOARD_PANEL_ROWS = 10;

// Visit panels in one statement, the event-based panels (which also read events) in another.
const EVENT_PANELS: readonly Dimension[] = ["page", "event"];

/** `limit`: rows per panel (default 10; ask one more than shown to know whether there are more). */
export async function getDashboardData(q: StatsQuery, goals: GoalDefinition[], options: { limit?: number } = {}): Promise<DashboardData> {
  const limit = options.limit ?? DASHBOARD_PANEL_ROWS;
  const started = performance.now();
  const timings: Record<string, number> = {};
  const timed = async <T>(names: string[], run: () => Promise<T>): Promise<T> => {
    const result = await run();
    for (const name of names) timings[name] = Math.round((performance.now() - started) * 10) / 10;
    return result;
  };
  const filtered = q.source === "raw" || Object.values(q.filters).some((v) => v !== undefined);
  const data = filtered ? await scanDashboard(q, goals, limit, timed) : await queryPanels(q, goals, limit, timed);
  timings.total = Math.round((performance.now() - started) * 10) / 10;
  return { ...data, timings };
}

type Timed = <T>(names: string[], run: () => Promise<T>) => Promise<T>;

async function queryPanels(q: StatsQuery, goals: GoalDefinition[], limit: number, timed: Timed): Promise<Omit<DashboardData, "timings">> {
  const [topStats, timeseries, goalRows, ...panels] = await Promise.all([
    timed(["topStats"], () => getTopStats(q)),
    timed(["timeseries"], () => getTimeseries(q)),
    timed(["goals"], () => getGoalConversions(q, goals)),
    ...DIMENSIONS.map((d) => timed([`breakdown:${d}`], () => getBreakdown(q, d, { limit }))),
  ]);
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d, i) => [d, panels[i] ?? []])) as Record<Dimension, BreakdownRow[]>;
  return { topStats, timeseries, breakdowns, goals: goalRows };
}

async function scanDashboard(q: StatsQuery, goals: GoalDefinition[], limit: number, timed: Timed): Promise<Omit<DashboardData, "timings">> {
  const panel = (dimension: Dimension): ScanPart => ({ kind: "breakdown", dimension, limit });
  const visitParts: ScanPart[] = [{ kind: "totals" }, { kind: "timeseries" }, ...DIMENSIONS.filter((d) => !EVENT_PANELS.includes(d)).map(panel)];
  const eventParts: ScanPart[] = [...EVENT_PANELS.map(panel), ...(goals.length > 0 ? [{ kind: "goals", goals } as const] : [])];
  const before = previousRange(q.range);
  const [visits, events, previous] = await Promise.all([
    timed(visitParts.map(partName), () => getDashboardScan(q, visitParts)),
    timed(eventParts.map(partName), () => getDashboardScan(q, eventParts)),
    timed(["topStats:previous"], () => getTotals(q, before)),
  ]);
  const empty = { visitors: 0, visits: 0, pageviews: 0, viewsPerVisit: 0, bounceRate: 0, visitDuration: 0 };
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d) => [d, visits.breakdowns[d] ?? events.breakdowns[d] ?? []])) as Record<Dimension, BreakdownRow[]>;
  return {
    topStats: { current: visits.totals ?? empty, previous, previousRange: before },
    timeseries: visits.timeseries ?? [],
    breakdowns,
    goals: events.goals ?? [],
  };
}
