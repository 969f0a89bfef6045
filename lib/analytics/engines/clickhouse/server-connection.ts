import { connectOfficialClient } from "./client";
import { ClickHouseUnavailableError } from "./errors";
import type { EngineConnection } from "./transport";

// A ClickHouse server (CLICKHOUSE_URL), through the official client in this process. A server
// goes away and comes back on its own: after a call finds it unreachable, it is pinged with
// growing delays until it answers, then the onRestart listeners are told (the ingestion writer
// retries at once instead of finishing its back-off).

type Options = { url: string; database: string; timeoutMs: number; log: (line: string) => void };

const PING_DELAYS_MS = [200, 500, 1_000, 2_000, 5_000];

export async function openServer(options: Options): Promise<EngineConnection> {
  const transport = await connectOfficialClient({ url: options.url, database: options.database, timeoutMs: options.timeoutMs });
  const host = new URL(options.url).host; // never the whole URL: it may hold a password
  const listeners: Array<() => void> = [];
  let watching = false;
  let closed = false;

  async function waitUntilBack(): Promise<void> {
    watching = true;
    options.log(`ClickHouse at ${host} is unreachable; waiting for it to come back …`);
    for (let attempt = 0; !closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, PING_DELAYS_MS[Math.min(attempt, PING_DELAYS_MS.length - 1)]));
      if (await transport.query("SELECT 1", {}).then(() => true, () => false)) {
        options.log(`ClickHouse at ${host} answers again.`);
        for (const listener of listeners) listener();
        break;
      }
    }
    watching = false;
  }

  function noticingOutages<T>(call: () => Promise<T>): Promise<T> {
    return call().catch((error: unknown) => {
      if (error instanceof ClickHouseUnavailableError && !watching && !closed) void waitUntilBack();
      throw error;
    });
  }

  return {
    transport: {
      query: (sql, params) => noticingOutages(() => transport.query(sql, params)),
      command: (sql, params) => noticingOutages(() => transport.command(sql, params)),
      insert: (table, body, format) => noticingOutages(() => transport.insert(table, body, format)),
      close: () => {
        closed = true;
        return transport.close();
      },
    },
    onRestart: (listener) => void listeners.push(listener),
    pid: () => null,
  };
}
