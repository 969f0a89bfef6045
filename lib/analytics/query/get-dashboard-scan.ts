import { breakdownSql, toBreakdownRow, type BreakdownSqlRow } from "./breakdown-sql";
import { goalsSql, toGoalRows, type GoalSqlRow } from "./goals-sql";
import { toMetrics, type SumsRow } from "./metrics";
import { statsSource, type StatsSource } from "./source";
import { SqlParams } from "./sql-params";
import { timeseriesSql, toTimeseriesPoint } from "./timeseries-sql";
import { totalsSql } from "./totals-sql";
import type { BreakdownOptions, BreakdownRow, Dimension, GoalDefinition, GoalRow, Metrics, StatsQuery, TimeseriesPoint } from "@/lib/analytics/types";
import { readQuery } from "./read-query";

// A filtered view cannot use the rollups, and every panel would scan the period's visits
// again. Here the panels' own SQL (the builders their query files use) runs as sub-selects
// of one statement over one shared source, so the visits are read once per statement.

export type ScanPart =
  | { kind: "totals" }
  | { kind: "timeseries" }
  | ({ kind: "breakdown"; dimension: Dimension } & BreakdownOptions)
  | { kind: "goals"; goals: GoalDefinition[] };

export type PartResult<P extends ScanPart> = P extends { kind: "totals" }
  ? Metrics
  : P extends { kind: "timeseries" }
    ? TimeseriesPoint[]
    : P extends { kind: "breakdown" }
      ? BreakdownRow[]
      : GoalRow[];

export type ScanValue = Metrics | TimeseriesPoint[] | BreakdownRow[] | GoalRow[];

function partSql(part: ScanPart, src: StatsSource, p: SqlParams, q: StatsQuery): string {
  switch (part.kind) {
    case "totals":
      return totalsSql(src);
    case "timeseries":
      return timeseriesSql(src, q.range.interval);
    case "breakdown":
      return breakdownSql(src, p, part.dimension, part);
    case "goals":
      return goalsSql(src, p, part.goals);
  }
}

function toValue(part: ScanPart, rows: unknown[]): ScanValue {
  switch (part.kind) {
    case "totals":
      return toMetrics(rows[0] as SumsRow | undefined);
    case "timeseries":
      return (rows as Array<SumsRow & { bucket: string }>).map(toTimeseriesPoint);
    case "breakdown":
      return (rows as BreakdownSqlRow[]).map(toBreakdownRow);
    case "goals":
      return toGoalRows(rows as GoalSqlRow[], part.goals);
  }
}

/** The parts' results, in the order of `parts`. */
export async function getDashboardScan(q: StatsQuery, parts: ScanPart[]): Promise<ScanValue[]> {
  const p = new SqlParams();
  // Several kinds read one source: count visitors the way that pays off then (aggregate-sql.ts).
  const src = statsSource(q, p, { manyKinds: parts.length > 2 });
  const columns = parts.map((part, i) => `(SELECT coalesce(json_agg(t), '[]') FROM (${partSql(part, src, p, q)}) t) AS c${i}`);
  const { rows } = await readQuery<Record<string, unknown[]>>(`${src.with} SELECT ${columns.join(", ")}`, p.values, { site: q.site.id, heavy: true });
  const row = rows[0] ?? {};
  return parts.map((part, i) => toValue(part, row[`c${i}`] ?? []));
}
