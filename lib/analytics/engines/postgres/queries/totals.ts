import { toMetrics, type SumsRow } from "@/lib/analytics/query/metrics";
import { readQuery } from "@/lib/analytics/query/read-query";
import { scanTogether } from "@/lib/analytics/query/scan-batcher";
import { statsSource, usesRawPath } from "@/lib/analytics/query/source";
import { SqlParams } from "@/lib/analytics/query/sql-params";
import { totalsSql } from "@/lib/analytics/query/totals-sql";
import type { Metrics, StatsQuery } from "@/lib/analytics/types";

// The totals of a range of the view (the top stats read two: the period and the one before).

const TOTALS = ["total"] as const;

export async function totals(q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  if (usesRawPath(q, TOTALS)) return scanTogether({ ...q, range: { ...q.range, ...range } }, { kind: "totals" });
  const p = new SqlParams();
  const src = statsSource(q, p, { range, kinds: TOTALS });
  const { rows } = await readQuery<SumsRow>(`${src.with} ${totalsSql(src)}`, p.values, { site: q.site.id });
  return toMetrics(rows[0]);
}
