// Rows of GROUPING SETS that each group by one column among several, told apart by the
// column they group by (visit-panels.ts, filter-day-rows.ts).

/** Of a row of GROUPING SETS that each group by one of `columns` (of `alias`): the name of that column, else `otherwise`. */
export const groupedName = (alias: string, columns: readonly string[], otherwise = "''") =>
  columns.length === 0 ? otherwise : `multiIf(${columns.map((c) => `grouping(${alias}.${c}) = 0, '${c}'`).join(", ")}, ${otherwise})`;
/** Of the same row: that column's value as text ('' for NULL). */
export const groupedValue = (alias: string, columns: readonly string[]) =>
  columns.length === 0 ? "''" : `multiIf(${columns.map((c) => `grouping(${alias}.${c}) = 0, toString(ifNull(${alias}.${c}, ''))`).join(", ")}, '')`;
