// The additive metric columns of the rollup tables (daily_stats, hourly_stats) and of every
// row shaped like them, in the one order all statements that write or read them use.

export const METRIC_COLUMNS = ["visitors", "visits", "pageviews", "bounces", "duration_sum", "events"] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** "visitors, visits, pageviews, bounces, duration_sum, events" */
export const METRIC_COLUMN_LIST = METRIC_COLUMNS.join(", ");

/** One SQL expression per metric column, comma-separated: `mapMetricColumns((c) => \`sum(${c})\`)`. */
export function mapMetricColumns(expression: (column: MetricColumn) => string): string {
  return METRIC_COLUMNS.map(expression).join(", ");
}
