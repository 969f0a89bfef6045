// Postgres array literals ("{a,b,NULL}") built by hand. A flush sends each column as
// one array parameter to unnest(), so a 5,000-row batch is 7 parameters instead of
// 35,000, and the literal is built with one join instead of pg's per-value conversion.

function needsEscape(value: string): boolean {
  // Two native scans are cheaper than a regex test on the short values of a row.
  return value.includes('"') || value.includes("\\");
}

function quote(value: string): string {
  return needsEscape(value) ? `"${value.replace(/["\\]/g, "\\$&")}"` : `"${value}"`;
}

export function textArray(values: ReadonlyArray<string | null>): string {
  return textArrayOf(values, (value) => value);
}

/** Integers or integer strings (ids, counts, epoch milliseconds): never need quoting. */
export function numberArray(values: ReadonlyArray<number | string>): string {
  return `{${values.join(",")}}`;
}

/** textArray of `get(row)` for every row, without building the intermediate array of values. */
export function textArrayOf<T>(rows: readonly T[], get: (row: T) => string | null | undefined): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = get(rows[i]!);
    parts[i] = value === null || value === undefined ? "NULL" : quote(value);
  }
  return `{${parts.join(",")}}`;
}
