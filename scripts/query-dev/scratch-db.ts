import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

// A scratch Postgres for query development and the query benchmark, away from the test and
// dev clusters: `npx tsx scripts/query-dev/scratch-db.ts` keeps it running until Ctrl-C
// and prints the URL (with /postgres it also serves as TEST_DATABASE_ADMIN_URL). The
// benchmark reuses a running one, or starts and stops its own.

export const SCRATCH = { dataDir: ".data/query-dev", port: 54470 } as const;

async function runningUrl(database: string): Promise<string | null> {
  try {
    const password = (await readFile(path.resolve(SCRATCH.dataDir, "pg-password"), "utf8")).trim();
    const admin = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${SCRATCH.port}/postgres`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.end();
    await createDatabaseIfMissing(admin, database);
    return admin.replace(/\/postgres$/, `/${database}`);
  } catch {
    return null;
  }
}

export async function startScratchDb(database = "ministat"): Promise<{ url: string; stop: () => Promise<void> }> {
  const running = await runningUrl(database);
  const db = running
    ? { url: running, stop: async () => {} }
    : await startEmbeddedPostgres({ ...SCRATCH, database, log: (line) => console.error(line) });
  await applyMigrations(db.url);
  return db;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await startScratchDb();
  console.log(db.url);
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  setInterval(() => {}, 1 << 30);
}
