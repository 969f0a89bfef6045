import pg from "pg";
import { getEnv } from "@/lib/config/env";
import { isLocalDatabase, lowerBackendPriority } from "./backend-priority";

// Plain pg pools for the raw-SQL paths, split by who waits on them, so dashboards cannot
// starve ingestion (issue 7): 200 heavy dashboard loads used to hold all ten connections of
// the one pool, and ingestion flushes and rollup refreshes queued behind their scans.
//
// - write: ingestion flushes, salts, the site cache of /api/event, scripts and migrations.
// - rollup: the rollup refresher and rebuilds (lib/analytics/rollups). No statement timeout:
//   a rebuild of a big day may take long. On a Postgres on this machine its backends run at
//   a lower CPU priority (backend-priority.ts): recomputing today while a big site sends
//   10,000 events/s must not take the CPU the ingestion writes need (a refresh of a
//   210,000-event day costs 8–22 s of a core); today's numbers then lag a little more.
// - read: dashboard, shared-link, export and Stats API queries. A statement timeout
//   (READ_STATEMENT_TIMEOUT_SECONDS) and a size that matches the read gate
//   (lib/analytics/query/read-gate.ts), which decides how many heavy reads run at once. On
//   a Postgres on this machine its backends run at a lower CPU priority (backend-priority.ts).
// - control: cancels read queries whose client went away (pg_cancel_backend), on a
//   connection of its own so a cancel never waits behind the queries it cancels.
//
// Each connection says which it is (application_name), which pg_stat_activity shows.
// Kept on globalThis: Next bundles this module into several chunks, and dev reloads it.

// Heavy reads (raw scans) are at most HEAVY_READS at once; the rest are quick rollup reads.
const LIGHT_READ_CONNECTIONS = 4;
const WRITE_POOL_SIZE = 6;
const CONTROL_POOL_SIZE = 2;
const ROLLUP_POOL_SIZE = 3; // the refresher's two sites side by side, and a rebuild

type Pools = { write?: pg.Pool; read?: pg.Pool; rollup?: pg.Pool; control?: pg.Pool };
const globalForPool = globalThis as unknown as { ministatPools?: Pools };

function pools(): Pools {
  globalForPool.ministatPools ??= {};
  return globalForPool.ministatPools;
}

function createPool(name: string, config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, application_name: `ministat-${name}`, ...config });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", (error) => {
    if (!isServerShutdown(error)) console.error(`postgres ${name} pool: ${error.message}`);
  });
  return pool;
}

/**
 * A pool whose backends run at `nice` when Postgres is on this machine. Parallel workers are
 * started by the postmaster at its own priority, not the reniced backend's: two per scan put
 * the dashboards' scans back at full priority (seen in phase (d) after the 10M dashboards:
 * /api/event p99 1.1 s). So they are off for a reniced pool.
 */
function createLowPriorityPool(name: string, nice: number, config: pg.PoolConfig): pg.Pool {
  const lowPriority = nice > 0 && isLocalDatabase(getEnv().DATABASE_URL);
  const pool = createPool(name, { ...config, ...(lowPriority ? { options: "-c max_parallel_workers_per_gather=0" } : {}) });
  if (lowPriority) pool.on("connect", (client) => lowerBackendPriority(client, nice));
  return pool;
}

/** Ingestion, and everything that is neither a dashboard or API read nor rollup work. */
export function getWritePool(): pg.Pool {
  const p = pools();
  p.write ??= createPool("write", { max: WRITE_POOL_SIZE });
  return p.write;
}

/** The rollup refresher and rebuilds (lib/analytics/rollups). */
export function getRollupPool(): pg.Pool {
  const p = pools();
  p.rollup ??= createLowPriorityPool("rollup", getEnv().ROLLUP_BACKEND_NICE, { max: ROLLUP_POOL_SIZE });
  return p.rollup;
}

/** Dashboard and Stats API reads: go through lib/analytics/query/read-query.ts, not here directly. */
export function getReadPool(): pg.Pool {
  const p = pools();
  if (!p.read) {
    const env = getEnv();
    p.read = createLowPriorityPool("read", env.READ_BACKEND_NICE, {
      max: env.HEAVY_READS + LIGHT_READ_CONNECTIONS,
      statement_timeout: Math.round(env.READ_STATEMENT_TIMEOUT_SECONDS * 1000),
    });
  }
  return p.read;
}

/** For pg_cancel_backend() only. */
export function getControlPool(): pg.Pool {
  const p = pools();
  p.control ??= createPool("control", { max: CONTROL_POOL_SIZE, statement_timeout: 5_000 });
  return p.control;
}

/** The write pool, for scripts, tests and admin work (kept for their imports). */
export const getPool = getWritePool;

export async function closePool(): Promise<void> {
  const p = pools();
  const open = [p.write, p.read, p.rollup, p.control].filter((pool) => pool !== undefined);
  globalForPool.ministatPools = {};
  await Promise.all(open.map((pool) => pool.end()));
}

/** Postgres closing idle connections because it is shutting down (57P01): expected on stop. */
export function isServerShutdown(error: unknown): boolean {
  return (error as { code?: string }).code === "57P01";
}
