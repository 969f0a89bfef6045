// The analytics queries in one import (server only). Each query lives in its own file; their
// types (StatsQuery, Metrics, rows …) are in lib/analytics/types.ts.
export { addDays, localDate } from "@/lib/analytics/dates";
export { checkCustomRange, intervalFor, InvalidRangeError, previousRange, resolveRange, type RangeInput } from "./range";
export { InvalidStatsParamsError, parseStatsParams, safeParseStatsParams, type RawSearchParams, type SafeStatsParams, type StatsParams } from "./params";
export { buildStatsQuery } from "./build-stats-query";
export { getTopStats, getTotals } from "./get-top-stats";
export { getTimeseries } from "./get-timeseries";
export { getBreakdown, MAX_BREAKDOWN_LIMIT } from "./get-breakdown";
export { getGoalConversions } from "./get-goal-conversions";
export { getRealtimeVisitors, REALTIME_WINDOW_MINUTES } from "./get-realtime-visitors";
export { hasAnyEvent } from "./has-any-event";
