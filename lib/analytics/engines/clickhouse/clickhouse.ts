// What the ClickHouse engine's queries, writer and deletions need of a ClickHouse: bound
// parameters always ({name:Type} in the SQL, values in `params`), rows as plain objects or,
// on the ingestion path, as arrays.
// lib/analytics/engines/clickhouse/client.ts implements it over the official
// @clickhouse/client, against a server (CLICKHOUSE_URL) or the embedded engine (chdb).
//
// Per-query settings go inline in the SQL (`SELECT … SETTINGS max_threads = 1`), never as
// client settings: on the embedded engine those become a SET that stays for later queries.

export type QueryParams = Record<string, unknown>;

export interface ClickHouse {
  /** Rows of a SELECT (JSONEachRow). Bound every result with LIMIT: it is held in memory whole. */
  query<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]>;
  /** A statement without rows (DDL, DELETE, INSERT … SELECT). */
  command(sql: string, params?: QueryParams): Promise<void>;
  /**
   * Inserts rows into a table; at most ~100,000 rows a call. Objects go as JSONEachRow; arrays
   * as JSONCompactEachRow, in the order of the column list `table` names ("events (site_id, ts, …)").
   */
  insert(table: string, rows: readonly object[]): Promise<void>;
  close(): Promise<void>;
}
