import { rm } from "node:fs/promises";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

// The benchmark's own Postgres: a fresh embedded cluster under its own data directory,
// migrated, with generated local secrets. The server child process gets the same
// DATABASE_URL and secrets through its environment, so both see one database.

export type BenchDatabase = {
  url: string;
  /** The same database with a statement timeout, for the server and this process's queries. */
  guardedUrl: string;
  stop: () => Promise<void>;
};

// A dashboard query that runs for minutes would otherwise keep a core busy long after its
// page gave up, and distort every figure measured after it.
const STATEMENT_TIMEOUT_MS = 120_000;

export async function startBenchDatabase(options: { dataDir: string; port: number; log: (line: string) => void }): Promise<BenchDatabase> {
  await rm(options.dataDir, { recursive: true, force: true });
  loadLocalSecrets(options.dataDir);
  const db = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: options.log });
  try {
    const guardedUrl = `${db.url}?options=${encodeURIComponent(`-c statement_timeout=${STATEMENT_TIMEOUT_MS}`)}`;
    process.env.DATABASE_URL = guardedUrl;
    await applyMigrations(db.url);
    return { url: db.url, guardedUrl, stop: db.stop };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
