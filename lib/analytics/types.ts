// The engine-neutral vocabulary of lib/analytics, imported by every step of the path
// (ingest → spool → store → rollups; query reads) so no step imports another for a type:
// the query contract (dimensions, periods, metrics and result rows) used by the dashboard,
// the share page, CSV export, reports and the Stats API, and the records ingestion hands
// to the writer.

// --- Queries ---

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

/** Whether any filter is set (a key may be present with the value undefined). */
export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

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

/**
 * `visitorsOnly`: the caller reads only each row's value and visitors (the dashboard's panels);
 * an engine may then leave out what only the other metrics need (they may be 0). The rows and
 * their order are the same.
 */
export type BreakdownOptions = { limit?: number; offset?: number; search?: string; visitorsOnly?: boolean };

export type GoalDefinition = { id: string; eventName: string | null; pagePath: string | null };

export type GoalRow = {
  goalId: string;
  label: string;
  kind: "event" | "page";
  visitors: number;
  events: number;
  conversionRate: number;
};

// --- Ingestion records ---
// What the ingestion pipeline hands to the writer. Kept flat and pre-serialised (ids as
// decimal text, props as JSON text) so a flush only concatenates strings.

/** The site an event belongs to, as cached from the sites table. */
export type SiteRef = { siteId: string; domain: string; timezone: string };

export type EventRecord = {
  /** Acceptance order, unique per spool (lib/analytics/spool): what a flush's watermark counts. */
  seq: number;
  site: SiteRef;
  /** Receive time, ms since the epoch. */
  ts: number;
  name: string;
  visitorId: string;
  visitId: string;
  pathname: string;
  /** JSON object text, or null when the event has no props. */
  props: string | null;
};

/**
 * A visit (session) as the in-memory session cache keeps it. The store reads it at
 * flush time; the counters only grow, so writing a later state over an earlier one is
 * always right (the upsert keeps the larger values).
 */
export type VisitRecord = {
  site: SiteRef;
  visitId: string;
  visitorId: string;
  startedAt: number;
  lastSeen: number;
  entryPage: string;
  exitPage: string;
  pageviews: number;
  events: number;
  source: string;
  referrerHost: string | null;
  channel: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  browser: string;
  os: string;
  device: string;
};

/** A (site, UTC day) whose events changed in a flush, for the rollup refresher. */
export type FlushKey = { siteId: string; timezone: string; day: string };
