import type { ClickHouse, QueryParams } from "./clickhouse";

// A ClickHouse over a transport that speaks JSON text (JSONEachRow, or JSONCompactEachRow for
// rows given as arrays): the server client (in this process) and the embedded engine (in its
// own process, over IPC) are both transports, so the rows are encoded and decoded once, here,
// the same way for both. (Handing the embedded engine the rows to encode in its own process
// took that work off the app's event loop, but made the 1M seed 24% slower — 91 s against
// 72–74 s — for no ingestion gain beyond the noise; docs/benchmark.md.) Also here, for both:
// inserts in chunks the embedded engine can hold, and a close() that waits for calls under way.

export interface ClickHouseTransport {
  /** The result as JSONEachRow text (one JSON object a line). */
  query(sql: string, params: QueryParams): Promise<string>;
  command(sql: string, params: QueryParams): Promise<void>;
  /** `body` is text in `format`: one JSON object (JSONEachRow) or array (JSONCompactEachRow) a line. */
  insert(table: string, body: string, format: InsertFormat): Promise<void>;
  close(): Promise<void>;
}

export type InsertFormat = "JSONEachRow" | "JSONCompactEachRow";

/** A server or the embedded engine: its transport, and word when it is back after an outage. */
export type EngineConnection = { transport: ClickHouseTransport; onRestart(listener: () => void): void; pid(): number | null };

// chdb builds one string of the whole insert body: bound it (research note, issue 10).
export const INSERT_CHUNK_ROWS = 100_000;

export function clickHouseOver(transport: ClickHouseTransport): ClickHouse {
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;

  function track<T>(call: () => Promise<T>): Promise<T> {
    if (closing) return Promise.reject(new Error("ClickHouse is closed"));
    const running = call();
    inFlight.add(running);
    const forget = () => void inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }

  return {
    query: <T>(sql: string, params: QueryParams = {}) => track(async () => parseJsonEachRow<T>(await transport.query(sql, params))),
    command: (sql, params = {}) => track(() => transport.command(sql, params)),
    insert: (table, rows) =>
      track(async () => {
        const format = Array.isArray(rows[0]) ? "JSONCompactEachRow" : "JSONEachRow";
        for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
          await transport.insert(table, toJsonLines(rows.slice(start, start + INSERT_CHUNK_ROWS)), format);
        }
      }),
    close: () => {
      closing ??= Promise.allSettled(inFlight).then(() => transport.close());
      return closing;
    },
  };
}

/** Calls go to the transport with the fewest calls under way: a slow query holds up one, not all. */
export function poolOf(transports: readonly ClickHouseTransport[]): ClickHouseTransport {
  const busy = transports.map(() => 0);
  function leastBusy<T>(call: (transport: ClickHouseTransport) => Promise<T>): Promise<T> {
    const index = busy.indexOf(Math.min(...busy));
    busy[index]!++;
    return call(transports[index]!).finally(() => busy[index]!--);
  }
  return {
    query: (sql, params) => leastBusy((t) => t.query(sql, params)),
    command: (sql, params) => leastBusy((t) => t.command(sql, params)),
    insert: (table, body, format) => leastBusy((t) => t.insert(table, body, format)),
    close: async () => void (await Promise.all(transports.map((t) => t.close()))),
  };
}

export function parseJsonEachRow<T>(text: string): T[] {
  const rows: T[] = [];
  for (const line of text.split("\n")) if (line !== "") rows.push(JSON.parse(line) as T);
  return rows;
}

// 64-bit ids go as strings (JSON has no bigint); ClickHouse reads a number from either form.
function toJsonLines(rows: readonly object[]): string {
  return rows.map((row) => JSON.stringify(row)).join("\n");
}
