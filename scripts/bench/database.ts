import { rm } from "node:fs/promises";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

// The benchmark's own Postgres: a fresh embedded cluster under its own data directory,
// migrated, with generated local secrets. The server child process gets the same database
// and secrets through its environment; this process's own pool (lib/db/pool) uses it too.

export type BenchDatabase = {
  url: string;
  /** The server's: as `npm start` would get it (the app sets its own read statement timeout). */
  serverUrl: string;
  stop: () => Promise<void>;
};

// This process's own queries stop after 120 s: it rebuilds rollups, whose per-day statements
// take ~10 s at 10M pageviews, and a runaway one must not stall the run. The server gets the
// plain URL: its dashboard reads have their own timeout (READ_STATEMENT_TIMEOUT_SECONDS),
// and the contention phase measures what the app does about abandoned queries by itself.
const BENCH_STATEMENT_TIMEOUT_MS = 120_000;

export function withStatementTimeout(url: string, ms: number): string {
  return `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c statement_timeout=${ms}`)}`;
}

/** `reuse`: keep the cluster of the last run (and its seeded sites) instead of starting afresh. */
export async function startBenchDatabase(options: { dataDir: string; port: number; reuse?: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  if (!options.reuse) await rm(options.dataDir, { recursive: true, force: true });
  loadLocalSecrets(options.dataDir);
  const db = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: options.log });
  try {
    process.env.DATABASE_URL = withStatementTimeout(db.url, BENCH_STATEMENT_TIMEOUT_MS);
    await applyMigrations(db.url);
    return { url: db.url, serverUrl: db.url, stop: db.stop };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
