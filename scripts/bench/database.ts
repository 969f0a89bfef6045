import { rm } from "node:fs/promises";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

// The benchmark's own Postgres: a fresh embedded cluster under its own data directory,
// migrated, with generated local secrets. The server child process gets the same database
// and secrets through its environment; this process's own pool (lib/db/pool) uses it too.

export type BenchDatabase = {
  url: string;
  /** The server's: a dashboard query that runs away fails its page after 30 s. */
  serverUrl: string;
  stop: () => Promise<void>;
};

// Without a statement timeout a runaway dashboard query keeps a core busy long after its
// page gave up and distorts every figure measured after it. The server's is short (a page
// needing 30 s has failed its target many times over); this process's is longer, because
// it also rebuilds rollups, whose per-day statements take ~10 s at 10M pageviews.
const SERVER_STATEMENT_TIMEOUT_MS = 30_000;
const BENCH_STATEMENT_TIMEOUT_MS = 120_000;

export function withStatementTimeout(url: string, ms: number): string {
  return `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c statement_timeout=${ms}`)}`;
}

export async function startBenchDatabase(options: { dataDir: string; port: number; log: (line: string) => void }): Promise<BenchDatabase> {
  await rm(options.dataDir, { recursive: true, force: true });
  loadLocalSecrets(options.dataDir);
  const db = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: options.log });
  try {
    process.env.DATABASE_URL = withStatementTimeout(db.url, BENCH_STATEMENT_TIMEOUT_MS);
    await applyMigrations(db.url);
    return { url: db.url, serverUrl: withStatementTimeout(db.url, SERVER_STATEMENT_TIMEOUT_MS), stop: db.stop };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
