// The contract between the analytics queries (lib/analytics/query/*) and their callers:
// the dashboard, the share page, CSV export and the Stats API.

/** Dimensions the dashboard breaks stats down by; also the keys of daily_stats.dimension. */
export const DIMENSIONS = [
  "channel",
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "page",
  "entry_page",
  "exit_page",
  "country",
  "region",
  "city",
  "browser",
  "os",
  "device",
  "event",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Every dimension can also be a filter (event = visits that fired that custom event). */
export type Filters = Partial<Record<Dimension, string>>;

export const PERIODS = ["today", "yesterday", "7d", "30d", "month", "last_month", "12mo", "custom"] as const;
export type PeriodKey = (typeof PERIODS)[number];

export type Interval = "hour" | "day" | "month";

/** A period resolved in the site's time zone: local calendar dates, both inclusive. */
export type DateRange = { period: PeriodKey; from: string; to: string; interval: Interval };

export type StatsQuery = {
  site: { id: string; timezone: string };
  range: DateRange;
  filters: Filters;
  /** "raw" skips the rollups even without filters (tests and benchmarks compare the two paths). */
  source?: "auto" | "raw";
};

export const METRICS = ["visitors", "visits", "pageviews", "viewsPerVisit", "bounceRate", "visitDuration"] as const;
export type Metric = (typeof METRICS)[number];

/** bounceRate is a percentage 0–100; visitDuration is the mean visit length in seconds. */
export type Metrics = Record<Metric, number>;

export type TopStats = { current: Metrics; previous: Metrics; previousRange: DateRange };

/** bucket: "YYYY-MM-DD" (day), "YYYY-MM" (month) or "YYYY-MM-DDTHH:00" (hour), local time. */
export type TimeseriesPoint = Metrics & { bucket: string };

export type BreakdownRow = {
  value: string;
  visitors: number;
  visits: number;
  pageviews: number;
  bounceRate: number;
  visitDuration: number;
  events: number;
};

export type BreakdownOptions = { limit?: number; offset?: number; search?: string };

export type GoalDefinition = { id: string; eventName: string | null; pagePath: string | null };

export type GoalRow = {
  goalId: string;
  label: string;
  kind: "event" | "page";
  visitors: number;
  events: number;
  conversionRate: number;
};
