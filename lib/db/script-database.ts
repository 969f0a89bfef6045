import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/config/env";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { readOrCreatePassword } from "./embedded/cluster";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { closePool } from "./pool";
import { closePrisma } from "./prisma";

// The database of a command-line script (npm run admin:grant, keys:rotate …) is the one
// `npm start` uses: DATABASE_URL when set; otherwise the embedded Postgres under DATA_DIR —
// the one the running app started (used as it is, never stopped: stopping it would take the
// app's database away), or, when the app is not running, one started for the script and
// stopped after it. Local secrets come from DATA_DIR as for the app, so blind indexes match.

/** The running embedded Postgres of `dataDir`, if any: its URL (port from postmaster.pid). */
async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const root = path.resolve(dataDir);
  const pidFile = path.join(root, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || lines[7]?.trim() !== "ready" || !isAlive(pid)) return null;
  const password = await readOrCreatePassword(root);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ministat`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

/** Runs `task` against MiniStat's database (migrated, as at start), then closes every connection. */
export async function withScriptDatabase<T>(task: () => Promise<T>): Promise<T> {
  const dataDir = process.env.DATA_DIR ?? ".data";
  loadLocalSecrets(dataDir);
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const running = await runningEmbeddedUrl(dataDir);
    if (running) process.env.DATABASE_URL = running;
    else {
      embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
      process.env.DATABASE_URL = embedded.url;
    }
  }
  try {
    await applyMigrations(getEnv().DATABASE_URL);
    return await task();
  } finally {
    await closePrisma();
    await closePool();
    await embedded?.stop();
  }
}
