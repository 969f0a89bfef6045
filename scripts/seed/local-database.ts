import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

// The database `npm start` uses: DATABASE_URL if set, else the embedded Postgres under
// DATA_DIR. When the app is running, its Postgres is already up and is used as it is —
// starting the cluster again would stop the app's server (see stopLeftoverServer). Only a
// Postgres started here is stopped again by close().

const DATABASE = "ministat";

export type LocalDatabase = { url: string; started: boolean; close: () => Promise<void> };

export async function openLocalDatabase(options: { dataDir: string; port: number; log: (line: string) => void }): Promise<LocalDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, started: false, close: async () => {} };

  const running = await runningEmbeddedUrl(options.dataDir, options.port);
  if (running) {
    process.env.DATABASE_URL = running;
    return { url: running, started: false, close: async () => {} };
  }
  const db = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, database: DATABASE, log: options.log });
  process.env.DATABASE_URL = db.url;
  return { url: db.url, started: true, close: db.stop };
}

async function runningEmbeddedUrl(dataDir: string, port: number): Promise<string | null> {
  const file = path.resolve(dataDir, "pg-password");
  if (!existsSync(file)) return null;
  const password = encodeURIComponent(readFileSync(file, "utf8").trim());
  const admin = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const probe = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 1_000 });
  try {
    await probe.connect();
  } catch {
    return null; // not running: the caller starts it
  }
  await probe.end();
  await createDatabaseIfMissing(admin, DATABASE);
  return `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
}
