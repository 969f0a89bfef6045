import { getPool } from "@/lib/db/pool";
import type { SumsRow } from "./metrics";
import { scanTogether } from "./scan-batcher";
import { statsSource, usesRawPath } from "./source";
import { SqlParams } from "./sql-params";
import { timeseriesSql, toTimeseriesPoint } from "./timeseries-sql";
import type { StatsQuery, TimeseriesPoint } from "./types";

// The main graph: one point per local hour, day or month of the period.

export async function getTimeseries(q: StatsQuery): Promise<TimeseriesPoint[]> {
  if (usesRawPath(q)) return scanTogether(q, { kind: "timeseries" });
  const p = new SqlParams();
  // Day points need day rows; month points may use month rows, never weeks.
  const src = statsSource(q, p, { grains: q.range.interval === "month" ? "months" : "days" });
  const result = await getPool().query<SumsRow & { bucket: string }>(`${src.with} ${timeseriesSql(src, q.range.interval)}`, p.values);
  return result.rows.map(toTimeseriesPoint);
}
