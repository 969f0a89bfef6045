import type { AnalyticsEngine, AnalyticsStore } from "@/lib/analytics/analytics-store";
import { closeAnalyticsStore, getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { onCleanup } from "./cleanup";
import { startServer, type RunningServer } from "./server";

// The benchmark's two users of the analytics engine: the production server it measures, and
// this process (seeding, stored-event counts, per-panel query times). Postgres serves both at
// once. The embedded ClickHouse belongs to one process at a time, so on that engine this
// process's turn stops the server (which drains its ingestion buffer first), opens the store,
// and starts the server again afterwards.

export type BenchServer = {
  readonly engine: AnalyticsEngine;
  /** The running server, or null when it could not start. */
  current(): RunningServer | null;
  start(): Promise<RunningServer>;
  /** Runs `work` with this process's analytics store (see above). */
  withStore<T>(work: (store: AnalyticsStore) => Promise<T>): Promise<T>;
};

export function benchServer(options: { engine: AnalyticsEngine; port: number; env: NodeJS.ProcessEnv; log: (line: string) => void }): BenchServer {
  let server: RunningServer | null = null;
  let unregister: (() => void) | null = null;
  const stop = async () => {
    const running = server;
    server = null;
    unregister?.();
    await running?.stop();
  };
  const start = async () => {
    const started = await startServer({ port: options.port, env: { ...options.env, ANALYTICS_ENGINE: options.engine }, log: options.log });
    server = started;
    unregister = onCleanup("server", stop);
    return started;
  };
  return {
    engine: options.engine,
    current: () => server,
    start,
    async withStore(work) {
      if (options.engine === "postgres") return work(await getAnalyticsStore());
      const wasRunning = server !== null;
      if (wasRunning) {
        options.log("  (stopping the server: the embedded ClickHouse is opened by one process at a time)");
        await stop();
      }
      try {
        return await work(await getAnalyticsStore());
      } finally {
        await closeAnalyticsStore();
        if (wasRunning) await start();
      }
    },
  };
}
