import { breakdownSql, toBreakdownRow, type BreakdownSqlRow } from "@/lib/analytics/query/breakdown-sql";
import { readQuery } from "@/lib/analytics/query/read-query";
import { scanTogether } from "@/lib/analytics/query/scan-batcher";
import { statsSource, usesRawPath } from "@/lib/analytics/query/source";
import { SqlParams } from "@/lib/analytics/query/sql-params";
import type { BreakdownOptions, BreakdownRow, Dimension, StatsQuery } from "@/lib/analytics/types";

// One panel (or its "details" modal): the values of a dimension with their metrics.

export async function breakdown(q: StatsQuery, dimension: Dimension, options: BreakdownOptions = {}): Promise<BreakdownRow[]> {
  if (usesRawPath(q, [dimension])) return scanTogether(q, { kind: "breakdown", dimension, ...options });
  const p = new SqlParams();
  const src = statsSource(q, p, { kinds: [dimension] });
  const { rows } = await readQuery<BreakdownSqlRow>(`${src.with} ${breakdownSql(src, p, dimension, options)}`, p.values, { site: q.site.id });
  return rows.map(toBreakdownRow);
}
