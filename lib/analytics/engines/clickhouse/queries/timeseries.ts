import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import type { SumsRow } from "@/lib/analytics/query/metrics";
import { toTimeseriesPoint } from "@/lib/analytics/query/timeseries-sql";
import { mapMetricColumns } from "@/lib/analytics/rollups/metric-columns";
import type { Interval, StatsQuery, TimeseriesPoint } from "@/lib/analytics/types";
import { PERIOD_BOUNDS, statsParams, visitConditions } from "./filters";
import { SUMS, VISIT_METRICS } from "./metrics-sql";

// The main graph: one point per local hour, day or month of the period, gaps filled with
// zeros. Visits count on the local day they started; hour points are the UTC hours of the
// visits' starts labelled in the site's time zone, so on a day when clocks go back the
// repeated hour's two UTC hours share one point (as Postgres' hourly_stats).

const HOUR = "'%Y-%m-%dT%H:00'";

// Every label of the period, and the rows per label.
const BUCKETS: Record<Interval, { all: string; group: string; label: string }> = {
  hour: {
    all: `SELECT DISTINCT formatDateTime(lo + toIntervalHour(number), ${HOUR}, {tz:String}) AS bucket
      FROM numbers(toUInt64(intDiv(toUnixTimestamp(hi) - toUnixTimestamp(lo), 3600)))`,
    group: "toStartOfHour(v.started_at)",
    label: `formatDateTime(unit, ${HOUR}, {tz:String})`,
  },
  day: {
    all: `SELECT formatDateTime(addDays({from:Date}, number), '%Y-%m-%d') AS bucket FROM numbers(toUInt64(dateDiff('day', {from:Date}, {to:Date}) + 1))`,
    group: "toDate(v.started_at, {tz:String})",
    label: "formatDateTime(unit, '%Y-%m-%d')",
  },
  month: {
    all: `SELECT DISTINCT formatDateTime(addDays({from:Date}, number), '%Y-%m') AS bucket FROM numbers(toUInt64(dateDiff('day', {from:Date}, {to:Date}) + 1))`,
    group: "toDate(v.started_at, {tz:String})",
    label: "formatDateTime(unit, '%Y-%m')",
  },
};

const timeseriesSql = (interval: Interval, conditions: string) => {
  const { all, group, label } = BUCKETS[interval];
  return `WITH ${PERIOD_BOUNDS}
SELECT b.bucket AS bucket, ${mapMetricColumns((c) => `a.${c} AS ${c}`)}
FROM (${all}) AS b
LEFT JOIN (
  SELECT ${label} AS bucket, ${SUMS}
  FROM (
    SELECT ${group} AS unit, ${VISIT_METRICS}
    FROM visits AS v FINAL
    WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${conditions}
    GROUP BY unit
  )
  GROUP BY bucket
) AS a ON a.bucket = b.bucket
ORDER BY bucket`;
};

export async function timeseries(ch: ClickHouse, q: StatsQuery): Promise<TimeseriesPoint[]> {
  const rows = await ch.query<SumsRow & { bucket: string }>(timeseriesSql(q.range.interval, visitConditions(q.filters)), statsParams(q));
  return rows.map(toTimeseriesPoint);
}
