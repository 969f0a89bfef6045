// Postgres array literals ("{a,b,NULL}") built by hand. A flush sends each column as
// one array parameter to unnest(), so a 5,000-row batch is 7 parameters instead of
// 35,000, and the literal is built with one join instead of pg's per-value conversion.

const NEEDS_ESCAPE = /["\\]/;
const ESCAPE = /["\\]/g;

function quote(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(ESCAPE, "\\$&")}"` : `"${value}"`;
}

export function textArray(values: ReadonlyArray<string | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    parts[i] = value === null || value === undefined ? "NULL" : quote(value);
  }
  return `{${parts.join(",")}}`;
}

/** Integers or integer strings (ids, counts, epoch milliseconds): never need quoting. */
export function numberArray(values: ReadonlyArray<number | string>): string {
  return `{${values.join(",")}}`;
}
