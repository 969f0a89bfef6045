// The analytics queries in one import (server only): stats.ts asks the analytics store; their
// types (StatsQuery, Metrics, rows …) are in lib/analytics/types.ts.
export { addDays, localDate } from "@/lib/analytics/dates";
export { checkCustomRange, intervalFor, InvalidRangeError, previousRange, resolveRange, type RangeInput } from "./range";
export { InvalidStatsParamsError, parseStatsParams, safeParseStatsParams, type RawSearchParams, type SafeStatsParams, type StatsParams } from "./params";
export { buildStatsQuery } from "./build-stats-query";
export {
  getBreakdown,
  getGoalConversions,
  getRealtimeVisitors,
  getTimeseries,
  getTopStats,
  getTotals,
  hasAnyEvent,
  MAX_BREAKDOWN_LIMIT,
  REALTIME_WINDOW_MINUTES,
} from "./stats";
