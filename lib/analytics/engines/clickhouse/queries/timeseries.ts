import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import type { SumsRow } from "@/lib/analytics/query/metrics";
import { toTimeseriesPoint } from "@/lib/analytics/query/timeseries-sql";
import { mapMetricColumns } from "@/lib/analytics/rollups/metric-columns";
import type { StatsQuery, TimeseriesPoint } from "@/lib/analytics/types";
import { PERIOD_BOUNDS, statsParams, visitConditions } from "./filters";
import { SUMS, VISIT_METRICS } from "./metrics-sql";
import { visitPanelTogether } from "./visit-panels";

// The main graph: one point per local hour, day or month of the period, gaps filled with
// zeros. Day and month points come from the statement the view's visit panels share
// (visit-panels.ts: day rows, a visit counting on the local day it started). Hour points are the UTC hours of the visits' starts labelled in the site's time
// zone, so on a day when clocks go back the repeated hour's two UTC hours share one point
// (as Postgres' hourly_stats).

const HOUR = "'%Y-%m-%dT%H:00'";

const fill = (all: string, rows: string) => `SELECT b.bucket AS bucket, ${mapMetricColumns((c) => `a.${c} AS ${c}`)}
FROM (${all}) AS b
LEFT JOIN (
  ${rows}
) AS a ON a.bucket = b.bucket
ORDER BY bucket`;

const hoursSql = (conditions: string) => `WITH ${PERIOD_BOUNDS}
${fill(
  `SELECT DISTINCT formatDateTime(lo + toIntervalHour(number), ${HOUR}, {tz:String}) AS bucket
    FROM numbers(toUInt64(intDiv(toUnixTimestamp(hi) - toUnixTimestamp(lo), 3600)))`,
  `SELECT formatDateTime(hour, ${HOUR}, {tz:String}) AS bucket, ${SUMS}
  FROM (
    SELECT toStartOfHour(v.started_at) AS hour, ${VISIT_METRICS}
    FROM visits AS v FINAL
    WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${conditions}
    GROUP BY hour
  )
  GROUP BY bucket`,
)}`;

export async function timeseries(ch: ClickHouse, q: StatsQuery): Promise<TimeseriesPoint[]> {
  if (q.range.interval !== "hour") return visitPanelTogether(ch, q, { kind: "timeseries" }) as Promise<TimeseriesPoint[]>;
  const points = await ch.query<SumsRow & { bucket: string }>(hoursSql(visitConditions(q.filters)), statsParams(q));
  return points.map(toTimeseriesPoint);
}
