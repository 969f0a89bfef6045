import type { ClickHouse } from "./clickhouse";

// Inserts rows so that one bad row can never block ingestion: a call ClickHouse refuses for
// its data (a value the column cannot hold) is split in halves until the offending row is
// alone, and that row is dropped, as the Postgres writer does. Any other failure (ClickHouse
// down, a lost connection, too many parts) is thrown for the writer to give the batch back.
// A refused call writes nothing: ClickHouse parses the whole block before it writes a part.

// At most this many rows a call: the client holds an insert's body as one string.
const ROWS_PER_CALL = 50_000;

// ClickHouse error codes of input it cannot parse or hold (ErrorCodes.cpp).
const REFUSED_CODES = new Set([
  6, // CANNOT_PARSE_TEXT
  25, // CANNOT_PARSE_ESCAPE_SEQUENCE
  26, // CANNOT_PARSE_QUOTED_STRING
  27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  38, // CANNOT_PARSE_DATE
  41, // CANNOT_PARSE_DATETIME
  53, // TYPE_MISMATCH
  69, // ARGUMENT_OUT_OF_BOUND
  70, // CANNOT_CONVERT_TYPE
  72, // CANNOT_PARSE_NUMBER
  117, // INCORRECT_DATA
  131, // TOO_LARGE_STRING_SIZE
  321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
  349, // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
]);

/** The ClickHouse error code of an error ClickHouse itself reported, or null (connection, timeout, closed). */
export function clickHouseErrorCode(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  // The official client: code "41" (string). The embedded engine's bound queries: clickhouseCode 41.
  const { code, clickhouseCode } = error as { code?: unknown; clickhouseCode?: unknown };
  if (typeof code === "string" && /^\d+$/.test(code)) return Number(code);
  return typeof clickhouseCode === "number" ? clickhouseCode : null;
}

/** For logs: the code and type only; ClickHouse's messages can quote the refused input (visitor data). */
export function describeClickHouseError(error: unknown): string {
  const code = clickHouseErrorCode(error);
  if (code === null) return error instanceof Error ? error.message : String(error);
  const type = (error as { type?: unknown }).type;
  return `ClickHouse error ${code}${typeof type === "string" ? ` (${type})` : ""}`;
}

/**
 * Inserts `rows` into `table` (a name, or a name and column list for rows as arrays); returns the rows refused and dropped. `tokenOf`: an
 * insert_deduplication_token for a call's rows, set inline in the statement (a client setting
 * would stay on the embedded engine's session for later statements).
 */
export async function insertRows<T extends object>(ch: ClickHouse, table: string, rows: readonly T[], tokenOf?: (rows: readonly T[]) => string): Promise<T[]> {
  const dropped: T[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CALL) {
    await insertOrBisect(ch, table, rows.slice(i, i + ROWS_PER_CALL), tokenOf, dropped);
  }
  return dropped;
}

// The one value spliced into a statement: a hash, never anything a visitor sent.
function hex(token: string): string {
  if (!/^[0-9a-f]{1,128}$/.test(token)) throw new Error("an insert_deduplication_token must be a hex digest");
  return token;
}

async function insertOrBisect<T extends object>(ch: ClickHouse, table: string, rows: readonly T[], tokenOf: ((rows: readonly T[]) => string) | undefined, dropped: T[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await ch.insert(tokenOf === undefined ? table : `${table} SETTINGS insert_deduplication_token = '${hex(tokenOf(rows))}'`, rows);
  } catch (error) {
    const code = clickHouseErrorCode(error);
    if (code === null || !REFUSED_CODES.has(code)) throw error;
    if (rows.length === 1) {
      console.error(`[ingest] ClickHouse refused one row of ${table.split(" ")[0]}; dropped it: ${describeClickHouseError(error)}`);
      dropped.push(rows[0]!);
      return;
    }
    const half = Math.ceil(rows.length / 2);
    await insertOrBisect(ch, table, rows.slice(0, half), tokenOf, dropped);
    await insertOrBisect(ch, table, rows.slice(half), tokenOf, dropped);
  }
}
