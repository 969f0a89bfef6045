import { SUMS, toMetrics, type SumsRow } from "./metrics";
import type { StatsSource } from "./source";
import type { SqlParams } from "./sql-params";
import { DIMENSIONS, type BreakdownOptions, type BreakdownRow, type Dimension } from "@/lib/analytics/types";

// The SQL of one panel (or its "details" modal): the values of a dimension with their
// metrics, most visitors first; `search` keeps values containing it, ignoring case.

export const MAX_BREAKDOWN_LIMIT = 1000;
const MAX_SEARCH_LENGTH = 200;

export type BreakdownSqlRow = SumsRow & { value: string };

export function breakdownSql(src: StatsSource, p: SqlParams, dimension: Dimension, options: BreakdownOptions = {}): string {
  if (!DIMENSIONS.includes(dimension)) throw new Error(`unknown dimension ${String(dimension)}`);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), MAX_BREAKDOWN_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const search = options.search?.trim().slice(0, MAX_SEARCH_LENGTH);
  // strpos rather than ILIKE: the user's text needs no escaping of % and _.
  const where = search ? `WHERE strpos(lower(value), lower(${p.add(search, "text")})) > 0` : "";
  return `SELECT value, ${SUMS} FROM (${src.daily(dimension)}) s ${where}
    GROUP BY value ORDER BY 2 DESC, 4 DESC, 1
    LIMIT ${p.add(limit, "int")} OFFSET ${p.add(offset, "int")}`;
}

export function toBreakdownRow(row: BreakdownSqlRow): BreakdownRow {
  const { visitors, visits, pageviews, bounceRate, visitDuration } = toMetrics(row);
  return { value: row.value, visitors, visits, pageviews, bounceRate, visitDuration, events: row.events };
}
