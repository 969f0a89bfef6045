import { rm } from "node:fs/promises";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

// The benchmark's own Postgres: a fresh embedded cluster under its own data directory,
// migrated, with generated local secrets. The server child process gets the same
// DATABASE_URL and secrets through its environment, so both see one database.

export type BenchDatabase = { url: string; stop: () => Promise<void> };

export async function startBenchDatabase(options: { dataDir: string; port: number; log: (line: string) => void }): Promise<BenchDatabase> {
  await rm(options.dataDir, { recursive: true, force: true });
  loadLocalSecrets(options.dataDir);
  const db = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: options.log });
  try {
    process.env.DATABASE_URL = db.url;
    await applyMigrations(db.url);
    return db;
  } catch (error) {
    await db.stop();
    throw error;
  }
}
