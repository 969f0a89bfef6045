import type { SumsRow } from "@/lib/analytics/query/metrics";
import { readQuery } from "@/lib/analytics/query/read-query";
import { scanTogether } from "@/lib/analytics/query/scan-batcher";
import { statsSource, usesRawPath } from "@/lib/analytics/query/source";
import { SqlParams } from "@/lib/analytics/query/sql-params";
import { timeseriesSql, toTimeseriesPoint } from "@/lib/analytics/query/timeseries-sql";
import type { StatsQuery, TimeseriesPoint } from "@/lib/analytics/types";

// The main graph: one point per local hour, day or month of the period.

export async function timeseries(q: StatsQuery): Promise<TimeseriesPoint[]> {
  // Hour points read hourly_stats, which has no rows per dimension: every filter makes them raw.
  const kinds = ["total"] as const;
  if (usesRawPath(q, q.range.interval === "hour" ? undefined : kinds)) return scanTogether(q, { kind: "timeseries" });
  const p = new SqlParams();
  // Day points need day rows; month points may use month rows, never weeks.
  const src = statsSource(q, p, { grains: q.range.interval === "month" ? "months" : "days", kinds });
  const result = await readQuery<SumsRow & { bucket: string }>(`${src.with} ${timeseriesSql(src, q.range.interval)}`, p.values, { site: q.site.id });
  return result.rows.map(toTimeseriesPoint);
}
