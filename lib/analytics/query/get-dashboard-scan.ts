import { getPool } from "@/lib/db/pool";
import { breakdownSql, toBreakdownRow, type BreakdownSqlRow } from "./get-breakdown";
import { goalsSql, toGoalRows, type GoalSqlRow } from "./get-goal-conversions";
import { timeseriesSql, toTimeseriesPoint } from "./get-timeseries";
import { totalsSql } from "./get-top-stats";
import { toMetrics, type SumsRow } from "./metrics";
import { statsSource, type StatsSource } from "./source";
import { SqlParams } from "./sql-params";
import type { BreakdownRow, Dimension, GoalDefinition, GoalRow, Metrics, StatsQuery, TimeseriesPoint } from "./types";

// A filtered dashboard cannot use the rollups, and every panel would scan the period's
// visits again. Here the panels' own SQL (the same builders their query files use) runs as
// sub-selects of one statement over one shared source, so the visits are read once per
// statement. The caller runs a few such statements side by side, one per core.

export type ScanPart =
  | { kind: "totals" }
  | { kind: "timeseries" }
  | { kind: "breakdown"; dimension: Dimension; limit: number }
  | { kind: "goals"; goals: GoalDefinition[] };

export type ScanResult = {
  totals?: Metrics;
  timeseries?: TimeseriesPoint[];
  breakdowns: Partial<Record<Dimension, BreakdownRow[]>>;
  goals?: GoalRow[];
};

function partSql(part: ScanPart, src: StatsSource, p: SqlParams, q: StatsQuery): string {
  switch (part.kind) {
    case "totals":
      return totalsSql(src);
    case "timeseries":
      return timeseriesSql(src, q.range.interval);
    case "breakdown":
      return breakdownSql(src, p, part.dimension, { limit: part.limit });
    case "goals":
      return goalsSql(src, p, part.goals);
  }
}

export const partName = (part: ScanPart) => (part.kind === "breakdown" ? `breakdown:${part.dimension}` : part.kind);

export async function getDashboardScan(q: StatsQuery, parts: ScanPart[]): Promise<ScanResult> {
  const p = new SqlParams();
  const src = statsSource(q, p);
  const columns = parts.map((part, i) => `(SELECT coalesce(json_agg(t), '[]') FROM (${partSql(part, src, p, q)}) t) AS c${i}`);
  const { rows } = await getPool().query<Record<string, unknown[]>>(`${src.with} SELECT ${columns.join(", ")}`, p.values);
  const row = rows[0] ?? {};
  const result: ScanResult = { breakdowns: {} };
  parts.forEach((part, i) => {
    const data = row[`c${i}`] ?? [];
    if (part.kind === "totals") result.totals = toMetrics(data[0] as SumsRow | undefined);
    else if (part.kind === "timeseries") result.timeseries = (data as Array<SumsRow & { bucket: string }>).map(toTimeseriesPoint);
    else if (part.kind === "breakdown") result.breakdowns[part.dimension] = (data as BreakdownSqlRow[]).map(toBreakdownRow);
    else result.goals = toGoalRows(data as GoalSqlRow[], part.goals);
  });
  return result;
}

