import pg from "pg";
import { getEnv } from "@/lib/config/env";

// A plain pg pool for the raw-SQL paths (analytics ingestion and queries, migrations).
const globalForPool = globalThis as unknown as { ministatPool?: pg.Pool };

export function getPool(): pg.Pool {
  if (!globalForPool.ministatPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on("error", (error) => {
      if (!isServerShutdown(error)) console.error(`postgres pool: ${error.message}`);
    });
    globalForPool.ministatPool = pool;
  }
  return globalForPool.ministatPool;
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.ministatPool;
  globalForPool.ministatPool = undefined;
  await pool?.end();
}

/** Postgres closing idle connections because it is shutting down (57P01): expected on stop. */
export function isServerShutdown(error: unknown): boolean {
  return (error as { code?: string }).code === "57P01";
}
