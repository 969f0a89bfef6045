import { mapMetricColumns } from "@/lib/analytics/rollups/metric-columns";

// The metric columns every dashboard query computes, as on Postgres
// (lib/analytics/rollups/aggregate-sql.ts): per local day (and value), unique visitors,
// visits, pageviews, bounces (a visit with at most one pageview and no custom event),
// the visits' length in whole seconds (the day's sum rounded once) and custom events;
// then summed over the days. Visitor ids change daily, so the sums count a visitor once a day.

/** A visit's length in ms (visits aliased v). */
export const VISIT_MS = "(toUnixTimestamp64Milli(v.ended_at) - toUnixTimestamp64Milli(v.started_at))";

/** Whole seconds of a sum of ms, half up (Postgres' round of a non-negative number). */
export const roundedSeconds = (ms: string) => `intDiv(${ms} + 500, 1000)`;

/** A group of visits (aliased v): the metric columns. */
export const VISIT_METRICS = `uniqExact(v.visitor_id) AS visitors, count() AS visits, sum(v.pageviews) AS pageviews,
    countIf(v.pageviews <= 1 AND v.events = 0) AS bounces, ${roundedSeconds(`sum(${VISIT_MS})`)} AS duration_sum, sum(v.events) AS events`;

/** Sums of the metric columns over day rows, as Float64 (numbers in JSON, as Postgres' float8). */
export const SUMS = mapMetricColumns((c) => `toFloat64(sum(${c})) AS ${c}`);
