import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { dayRows } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { MAX_BREAKDOWN_LIMIT, toBreakdownRow, type BreakdownSqlRow } from "@/lib/analytics/query/breakdown-sql";
import { DIMENSIONS, type BreakdownOptions, type BreakdownRow, type Dimension, type StatsQuery } from "@/lib/analytics/types";
import { eventPanelTogether } from "./event-panels";
import { NO_INDEX_FOR_VISIT_LOOKUP } from "./filters";
import { SUMS } from "./metrics-sql";
import { isVisitDimension, visitPanelTogether } from "./visit-panels";

// One panel (or its "details" modal): the values of a dimension with their metrics summed
// over the period's days, most visitors first, then most pageviews, then by value; `search`
// keeps the values that contain it, ignoring (ASCII) case as Postgres' lower() does in the C
// locale.

const MAX_SEARCH_LENGTH = 200;

const breakdownSql = (rows: string, search: boolean) => `SELECT value, ${SUMS}
FROM (
  ${rows}
)${search ? "\nWHERE position(lower(value), lower({search:String})) > 0" : ""}
GROUP BY value
ORDER BY visitors DESC, pageviews DESC, value
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
${NO_INDEX_FOR_VISIT_LOOKUP}`;

export async function breakdown(ch: ClickHouse, q: StatsQuery, dimension: Dimension, options: BreakdownOptions = {}): Promise<BreakdownRow[]> {
  if (!DIMENSIONS.includes(dimension)) throw new Error(`unknown dimension ${String(dimension)}`);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), MAX_BREAKDOWN_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const search = options.search?.trim().slice(0, MAX_SEARCH_LENGTH) ?? "";
  if (search === "" && isVisitDimension(dimension)) {
    return visitPanelTogether(ch, q, { kind: "breakdown", dimension, limit, offset }) as Promise<BreakdownRow[]>;
  }
  if (search === "" && options.visitorsOnly && dimension === "page") {
    return eventPanelTogether(ch, q, { kind: "pages", limit, offset }) as Promise<BreakdownRow[]>;
  }
  // Page rows without the visits' bounce and length (a join) when only visitors are read:
  // their visitors and pageviews, which order them, are the same. (Event rows are ordered by
  // their visits' pageviews, which only the join has.)
  const rows = await dayRows(ch, q, dimension, q.range, options.visitorsOnly && dimension === "page" ? "lean" : "full");
  const found = await ch.query<BreakdownSqlRow>(breakdownSql(rows.sql, search !== ""), { ...rows.params, limit, offset, search });
  return found.map(toBreakdownRow);
}
