import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { promisify } from "node:util";
import pg from "pg";
import { getReadGate } from "@/lib/analytics/query/read-query";
import { getReadPool, getWritePool } from "@/lib/db/pool";
import { getRenderAdmission } from "@/lib/server/render-admission";

// Diagnostics of the shared e2e server, for the CI log: while requests wait for render
// admission, pool connections or the read gate, or a statement has run for seconds, one line
// every few seconds says what the app and Postgres are doing (and the machine's busiest
// processes); so does a render that has run for long (a handler that never settles). Silent
// otherwise. SQL is logged as text only: its values are bound, never in it.

const EVERY_MS = 3_000;
const LONG_STATEMENT_SECONDS = 5;
const LONG_RENDER_MS = 15_000;

type Backend = { pid: number; app: string; state: string; wait: string | null; seconds: number; query: string };

export function watchForStalls(databaseUrl: string, log: (line: string) => void): () => Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "e2e-stall-watch" });
  client.on("error", () => {});
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void check()
      .catch(() => {})
      .finally(() => (busy = false));
  }, EVERY_MS);
  timer.unref();

  async function check(): Promise<void> {
    const renders = getRenderAdmission();
    const admission = renders.state();
    const pools = { write: poolState(getWritePool()), read: poolState(getReadPool()) };
    const gate = getReadGate().stats();
    const long = (await connected) ? await longStatements(client) : [];
    const longRenders = renders.longRunning(LONG_RENDER_MS);
    const stalled =
      admission.waiting > 0 || pools.write.waiting > 0 || pools.read.waiting > 0 || gate.waiting > 0 || long.length > 0 || longRenders.length > 0;
    if (!stalled) return;
    const load = loadavg().map((n) => n.toFixed(2)).join(" ");
    log(
      `stall-watch: load ${load}; admission running ${admission.running} active ${admission.active} waiting ${admission.waiting} ` +
        `lag ${admission.lagMs.toFixed(0)} ms util ${(admission.utilization * 100).toFixed(0)}%; ` +
        `write pool ${fmt(pools.write)}; read pool ${fmt(pools.read)}; read gate running ${gate.running} waiting ${gate.waiting}`,
    );
    for (const r of longRenders) log(`stall-watch:   render ${r.method} ${r.path} running ${(r.ms / 1000).toFixed(1)} s`);
    for (const b of long) log(`stall-watch:   pid ${b.pid} ${b.app} ${b.state}${b.wait ? ` (waits: ${b.wait})` : ""} ${b.seconds.toFixed(1)} s: ${b.query}`);
    log(`stall-watch:   top: ${await busiestProcesses()}`);
  }

  return async () => {
    clearInterval(timer);
    await client.end().catch(() => {});
  };
}

function poolState(pool: pg.Pool): { total: number; idle: number; waiting: number } {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

function fmt(p: { total: number; idle: number; waiting: number }): string {
  return `${p.total - p.idle}/${p.total} busy, ${p.waiting} waiting`;
}

async function longStatements(client: pg.Client): Promise<Backend[]> {
  const { rows } = await client.query<Backend>(
    `SELECT pid, application_name AS app, state, wait_event_type || ':' || wait_event AS wait,
            extract(epoch FROM now() - query_start)::float8 AS seconds, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
        AND now() - query_start > make_interval(secs => $1)
      ORDER BY query_start`,
    [LONG_STATEMENT_SECONDS],
  );
  return rows;
}

/** The machine's busiest processes over half a second (top's second sample), e.g. "1234 postgres 97%". */
async function busiestProcesses(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("top", ["-b", "-n", "2", "-d", "0.5", "-o", "%CPU", "-w", "200"]);
    const lastSample = stdout.slice(stdout.lastIndexOf("\ntop -"));
    const rows = lastSample.split("\n").filter((line) => /^\s*\d+\s/.test(line));
    return rows
      .slice(0, 5)
      .map((line) => {
        const f = line.trim().split(/\s+/);
        return `${f[0]} ${f[11]} ${f[8]}%`;
      })
      .join(", ");
  } catch {
    return "(top not available)";
  }
}
