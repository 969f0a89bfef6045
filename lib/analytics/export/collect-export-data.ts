import { getBreakdown, getGoalConversions, getTimeseries } from "@/lib/analytics/query";
import type { GoalDefinition, StatsQuery } from "@/lib/analytics/types";
import { EXPORTED_BREAKDOWNS, type ExportData } from "./build-csv-zip";

// Rows per breakdown in an export: the long tail of pages is cut here, not silently elsewhere.
export const EXPORT_ROW_LIMIT = 10_000;

/** Everything the CSV export holds for one view, queried in parallel. */
export async function collectExportData(query: StatsQuery, goals: GoalDefinition[]): Promise<ExportData> {
  const [timeseries, goalRows, ...breakdowns] = await Promise.all([
    getTimeseries(query),
    getGoalConversions(query, goals),
    ...EXPORTED_BREAKDOWNS.map(({ dimension }) => getBreakdown(query, dimension, { limit: EXPORT_ROW_LIMIT, offset: 0 })),
  ]);
  return {
    timeseries,
    goals: goalRows,
    breakdowns: Object.fromEntries(EXPORTED_BREAKDOWNS.map(({ dimension }, i) => [dimension, breakdowns[i] ?? []])),
  };
}
