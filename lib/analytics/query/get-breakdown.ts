import { breakdownSql, toBreakdownRow, type BreakdownSqlRow } from "./breakdown-sql";
import { scanTogether } from "./scan-batcher";
import { statsSource, usesRawPath } from "./source";
import { SqlParams } from "./sql-params";
import type { BreakdownOptions, BreakdownRow, Dimension, StatsQuery } from "@/lib/analytics/types";
import { readQuery } from "./read-query";

// One panel (or its "details" modal): the values of a dimension with their metrics.

export { MAX_BREAKDOWN_LIMIT } from "./breakdown-sql";

export async function getBreakdown(q: StatsQuery, dimension: Dimension, options: BreakdownOptions = {}): Promise<BreakdownRow[]> {
  if (usesRawPath(q, [dimension])) return scanTogether(q, { kind: "breakdown", dimension, ...options });
  const p = new SqlParams();
  const src = statsSource(q, p, { kinds: [dimension] });
  const { rows } = await readQuery<BreakdownSqlRow>(`${src.with} ${breakdownSql(src, p, dimension, options)}`, p.values, { site: q.site.id });
  return rows.map(toBreakdownRow);
}
