import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { toMetrics, type SumsRow } from "@/lib/analytics/query/metrics";
import type { Metrics, StatsQuery } from "@/lib/analytics/types";
import { PERIOD_BOUNDS, statsParams, visitConditions } from "./filters";
import { SUMS, VISIT_METRICS } from "./metrics-sql";

// Top stats: the totals of the visits that started in the period (and pass the filters),
// counted per local day of the site's time zone, then summed.

const totalsSql = (conditions: string) => `WITH ${PERIOD_BOUNDS}
SELECT ${SUMS}
FROM (
  SELECT toDate(v.started_at, {tz:String}) AS day, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${conditions}
  GROUP BY day
)`;

export async function totals(ch: ClickHouse, q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  const [row] = await ch.query<SumsRow>(totalsSql(visitConditions(q.filters)), statsParams(q, range));
  return toMetrics(row);
}
