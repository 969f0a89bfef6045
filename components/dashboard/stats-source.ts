// The one place the dashboard imports the analytics query functions from (server only).
export {
  buildStatsQuery,
  getBreakdown,
  getGoalConversions,
  getRealtimeVisitors,
  getTimeseries,
  getTopStats,
  hasAnyEvent,
  safeParseStatsParams,
  type RawSearchParams,
} from "@/lib/analytics/query";
