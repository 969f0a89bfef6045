import { mapMetricColumns, type MetricColumn } from "@/lib/analytics/rollups/metric-columns";
import type { Metrics } from "@/lib/analytics/types";

// Rollup rows add up across days (visitor ids change daily, so unique visitors are additive);
// the ratios are computed from the sums, never averaged.

/** Sums over rows of a source, as float8 so node-postgres hands back numbers. */
export const SUMS = mapMetricColumns((c) => `coalesce(sum(${c}), 0)::float8 AS ${c}`);

export type SumsRow = Record<MetricColumn, number>;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toMetrics(row: SumsRow | undefined): Metrics {
  if (!row || row.visits === 0) {
    return { visitors: row?.visitors ?? 0, visits: 0, pageviews: row?.pageviews ?? 0, viewsPerVisit: 0, bounceRate: 0, visitDuration: 0 };
  }
  return {
    visitors: row.visitors,
    visits: row.visits,
    pageviews: row.pageviews,
    viewsPerVisit: round(row.pageviews / row.visits, 2),
    bounceRate: round((row.bounces / row.visits) * 100, 1),
    visitDuration: Math.round(row.duration_sum / row.visits),
  };
}
