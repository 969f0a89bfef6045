import type { BreakdownRow, Dimension, GoalDefinition, GoalRow, StatsQuery, TimeseriesPoint, TopStats } from "@/lib/analytics/types";
import type { ViewParams } from "./view-params";

export type DashboardSite = { id: string; domain: string; timezone: string };

/** Per-request data of one dashboard view; each panel awaits only what it shows. */
export type DashboardData = {
  topStats(): Promise<TopStats>;
  timeseries(): Promise<TimeseriesPoint[]>;
  breakdown(dimension: Dimension): Promise<BreakdownRow[]>;
  goals(): Promise<GoalRow[]>;
  hasAnyEvent(): Promise<boolean>;
};

/** Everything the dashboard's server components need to render one view. */
export type DashboardContext = {
  site: DashboardSite;
  view: ViewParams;
  query: StatsQuery;
  goals: GoalDefinition[];
  /** "/sites/example.com" for the owner, "/share/<slug>" for a shared link; links and endpoints hang off it. */
  basePath: string;
  mode: "owner" | "shared";
  data: DashboardData;
};
