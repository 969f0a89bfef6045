import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { getPostgresBinaries } from "./embedded/binaries";
import { initialiseCluster, isInitialised, postgresUser, readOrCreatePassword } from "./embedded/cluster";
import { Postmaster } from "./embedded/postmaster";

// A real Postgres started by the app itself under DATA_DIR when DATABASE_URL is unset.
// Used by `npm start`, the test set-up and the benchmark. It is supervised (restarted if it
// dies) and stopped only by our own shutdown; see embedded/postmaster.ts.

export type EmbeddedDatabase = {
  url: string;
  /** The server process, e.g. for tests that kill it. */
  pid: () => number | null;
  /** Called each time Postgres is back after dying on its own. */
  onRestart: (listener: () => void) => void;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string; // e.g. ".data"; the cluster lives in <dataDir>/pg
  port: number;
  database?: string;
  log?: (line: string) => void;
};

const TUNING = [
  "-c", "listen_addresses=127.0.0.1",
  "-c", "max_connections=200",
  "-c", "shared_buffers=1GB",
  "-c", "work_mem=32MB",
  "-c", "maintenance_work_mem=256MB",
  "-c", "effective_cache_size=8GB",
  "-c", "max_wal_size=4GB",
  "-c", "checkpoint_timeout=15min",
  "-c", "jit=off",
];

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const root = path.resolve(options.dataDir);
  const clusterDir = path.join(root, "pg");
  await mkdir(root, { recursive: true });
  const password = await readOrCreatePassword(root);
  const log = options.log ?? (() => {});
  const [binaries, runAs] = await Promise.all([getPostgresBinaries(), postgresUser()]);

  if (!isInitialised(clusterDir)) {
    log(`Creating a local Postgres cluster in ${clusterDir} …`);
    await initialiseCluster({ binaries, clusterDir, password, runAs });
  }
  await stopLeftoverServer(clusterDir, log);
  const postmaster = new Postmaster({ binaries, clusterDir, port: options.port, flags: TUNING, runAs, log });
  await postmaster.start();

  const credentials = `postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const database = options.database ?? "ministat";
  await createDatabaseIfMissing(`postgres://${credentials}/postgres`, database);
  return {
    url: `postgres://${credentials}/${database}`,
    pid: () => postmaster.pid,
    onRestart: (listener) => postmaster.onRestart(listener),
    stop: () => postmaster.stop(),
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// If a previous run died hard, its Postgres may still hold the cluster. Stop it (fast
// shutdown: it checkpoints, nothing committed is lost) so that this process owns the server
// it talks to, supervises it and stops it on exit.
export async function stopLeftoverServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a Postgres (pid ${pid}) left running by an earlier start …`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`A Postgres (pid ${pid}) is still using ${clusterDir}; stop it and start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
