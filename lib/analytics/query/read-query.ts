import type pg from "pg";
import { getEnv } from "@/lib/config/env";
import { getControlPool, getReadPool } from "@/lib/db/pool";
import { getRequestContext } from "@/lib/server/request-context";
import { ReadCancelledError, ReadTimeoutError } from "./read-errors";
import { ReadGate } from "./read-gate";

// Every dashboard and Stats API query runs through here, on the read pool (with its
// statement timeout). A heavy query (a raw scan) first waits for its turn in the read gate.
// When the request's client goes away (request-context.ts), the query is cancelled in
// Postgres — pg_cancel_backend on the control pool — or leaves the gate's queue, so
// nothing keeps running for a page nobody will see.

export type ReadOptions = {
  /** A raw scan of visits and events (seconds at 1M pageviews) rather than a rollup read. */
  heavy?: boolean;
  /** Whose turn it is when the request did not say (request-context's account). */
  site: string;
};

const gateKey = Symbol.for("ministat.readGate");
const globalForGate = globalThis as unknown as { [gateKey]?: ReadGate };

/** One gate per process (on globalThis, like the pools: Next bundles this module more than once). */
export function getReadGate(): ReadGate {
  if (!globalForGate[gateKey]) {
    const env = getEnv();
    globalForGate[gateKey] = new ReadGate({ total: env.HEAVY_READS, perAccount: env.HEAVY_READS_PER_ACCOUNT, maxWaitMs: env.READ_QUEUE_SECONDS * 1000 });
  }
  return globalForGate[gateKey];
}

type BackendPid = { processID?: number };

export async function readQuery<R extends pg.QueryResultRow>(sql: string, values: unknown[], options: ReadOptions): Promise<pg.QueryResult<R>> {
  const context = getRequestContext();
  const signal = context?.signal;
  if (signal?.aborted) throw new ReadCancelledError();
  // While a heavy query waits for its turn or runs, its request uses no CPU here (render-admission.ts).
  if (options.heavy && context && context.heavyReadsPending++ === 0) context.heavyReadsSince = performance.now();
  try {
    const release = options.heavy ? await getReadGate().acquire(context?.account ?? `site:${options.site}`, signal) : null;
    try {
      const client = await getReadPool().connect();
      return await runCancellable<R>(client, sql, values, signal);
    } finally {
      release?.();
    }
  } finally {
    if (options.heavy && context) context.heavyReadsPending--;
  }
}

async function runCancellable<R extends pg.QueryResultRow>(client: pg.PoolClient, sql: string, values: unknown[], signal: AbortSignal | undefined): Promise<pg.QueryResult<R>> {
  const cancel: { sent: Promise<unknown> | null } = { sent: null };
  const onAbort = () => {
    const pid = (client as pg.PoolClient & BackendPid).processID;
    if (pid) cancel.sent = getControlPool().query("SELECT pg_cancel_backend($1)", [pid]).catch(() => null);
  };
  try {
    // A client that left while this waited for a connection: do not start the query at all.
    if (signal?.aborted) throw new ReadCancelledError();
    signal?.addEventListener("abort", onAbort, { once: true });
    return await client.query<R>(sql, values);
  } catch (error) {
    if (signal?.aborted) throw new ReadCancelledError();
    if (isStatementTimeout(error)) throw new ReadTimeoutError(getEnv().READ_STATEMENT_TIMEOUT_SECONDS);
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (cancel.sent) {
      // The cancel may reach the backend after the query ended; such a connection could
      // cancel the next query that uses it, so it is closed rather than reused.
      await cancel.sent;
      client.release(true);
    } else client.release();
  }
}

// 57014 is also a user's cancel (pg_cancel_backend); only the timeout says so in the message.
function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "57014" && /statement timeout/i.test(e.message ?? "");
}
