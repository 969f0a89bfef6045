import { getPool } from "@/lib/db/pool";

// After the dashboard clients left: how long Postgres keeps running their queries. Counted
// from pg_stat_activity — the app's read connections (application_name "ministat-read"),
// and, for a server that does not name its connections, any other backend busy with a
// SELECT / WITH statement that is not pg-boss's or this poll's own. Ingestion writes
// (INSERT / UPDATE) and the rollup refresher ("ministat-write") are left out: the
// ingestion load goes on while this waits.

const READ_BACKENDS = `
  FROM pg_stat_activity
  WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
    AND state <> 'idle'
    AND (application_name = 'ministat-read'
      OR (application_name NOT LIKE 'ministat-%' AND query ~* '^\\s*(WITH|SELECT)' AND query !~* 'pgboss|pg_stat_activity'))`;

export type IdleWait = {
  /** Seconds from the clients leaving until no read query ran; null when the limit came first. */
  idleAfterSeconds: number | null;
  /** Read queries running when the clients left, and the most seen at once afterwards. */
  runningAtLeave: number;
  /** Read queries still running at the limit (cancelled by the benchmark so later figures are clean). */
  cancelledAtLimit: number;
};

export async function countReadBackends(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n ${READ_BACKENDS}`);
  return rows[0]?.n ?? 0;
}

export async function waitForPostgresIdle(limitSeconds: number, log: (line: string) => void): Promise<IdleWait> {
  const left = performance.now();
  const runningAtLeave = await countReadBackends();
  let lastLogged = left;
  for (;;) {
    const running = await countReadBackends();
    const elapsed = (performance.now() - left) / 1000;
    if (running === 0) return { idleAfterSeconds: Math.round(elapsed * 10) / 10, runningAtLeave, cancelledAtLimit: 0 };
    if (elapsed > limitSeconds) {
      const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT pg_cancel_backend(pid) ${READ_BACKENDS}) c`);
      return { idleAfterSeconds: null, runningAtLeave, cancelledAtLimit: rows[0]?.n ?? running };
    }
    if (performance.now() - lastLogged > 10_000) {
      lastLogged = performance.now();
      log(`    ${Math.round(elapsed)} s after the clients left: ${running} read queries still running`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
