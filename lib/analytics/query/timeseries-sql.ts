import { mapMetricColumns } from "@/lib/analytics/rollups/metric-columns";
import { SUMS, toMetrics, type SumsRow } from "./metrics";
import type { StatsSource } from "./source";
import type { Interval, TimeseriesPoint } from "@/lib/analytics/types";

// The SQL of the main graph: one point per local hour, day or month of the period, gaps filled with
// zeros. Hours come from hourly_stats (UTC hours labelled in the site's time zone; on a
// day when clocks go back, the repeated hour's two UTC hours share one point).

const HOUR_LABEL = `'YYYY-MM-DD"T"HH24:00'`;

function buckets(src: StatsSource, interval: Interval): { all: string; rows: string } {
  switch (interval) {
    case "hour":
      return {
        all: `SELECT DISTINCT to_char(h AT TIME ZONE ${src.timezone}, ${HOUR_LABEL}) AS bucket
          FROM generate_series(${src.lo}, ${src.hi} - interval '1 hour', interval '1 hour') h`,
        rows: `SELECT to_char(hour AT TIME ZONE ${src.timezone}, ${HOUR_LABEL}) AS bucket, ${SUMS} FROM (${src.hourly()}) s GROUP BY 1`,
      };
    case "day":
    case "month": {
      const format = interval === "day" ? `'YYYY-MM-DD'` : `'YYYY-MM'`;
      return {
        all: `SELECT DISTINCT to_char(d, ${format}) AS bucket
          FROM generate_series((${src.from})::timestamp, (${src.to})::timestamp, interval '1 day') d`,
        rows: `SELECT to_char(day, ${format}) AS bucket, ${SUMS} FROM (${src.daily("total")}) s GROUP BY 1`,
      };
    }
  }
}

export function timeseriesSql(src: StatsSource, interval: Interval): string {
  const { all, rows } = buckets(src, interval);
  return `SELECT b.bucket, ${mapMetricColumns((c) => `coalesce(a.${c}, 0) AS ${c}`)}
    FROM (${all}) b LEFT JOIN (${rows}) a USING (bucket)
    ORDER BY b.bucket`;
}

export function toTimeseriesPoint(row: SumsRow & { bucket: string }): TimeseriesPoint {
  return { bucket: row.bucket, ...toMetrics(row) };
}
