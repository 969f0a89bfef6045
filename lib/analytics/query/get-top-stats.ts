import { toMetrics, type SumsRow } from "./metrics";
import { previousRange } from "./range";
import { scanTogether } from "./scan-batcher";
import { statsSource, usesRawPath } from "./source";
import { SqlParams } from "./sql-params";
import { totalsSql } from "./totals-sql";
import type { Metrics, StatsQuery, TopStats } from "@/lib/analytics/types";
import { readQuery } from "./read-query";

// Top stats of the period and of the period of the same length just before it.

const TOTALS = ["total"] as const;

export async function getTopStats(q: StatsQuery): Promise<TopStats> {
  const before = previousRange(q.range);
  const [current, previous] = await Promise.all([getTotals(q, q.range), getTotals(q, before)]);
  return { current, previous, previousRange: before };
}

export async function getTotals(q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  if (usesRawPath(q, TOTALS)) return scanTogether({ ...q, range: { ...q.range, ...range } }, { kind: "totals" });
  const p = new SqlParams();
  const src = statsSource(q, p, { range, kinds: TOTALS });
  const { rows } = await readQuery<SumsRow>(`${src.with} ${totalsSql(src)}`, p.values, { site: q.site.id });
  return toMetrics(rows[0]);
}
