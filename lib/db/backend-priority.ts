import { readFileSync } from "node:fs";
import { setPriority } from "node:os";
import type pg from "pg";

// On one machine the app, its Postgres and the dashboards' scans share the cores. Measured
// under 200 heavy dashboards (docs/benchmark.md, phase (d)): the Node process answering
// /api/event spent up to 84% of the time runnable but waiting for a core, behind the
// Postgres backends scanning for the dashboards. So the backends of the read pool and of the
// rollup refresher (pool.ts) run at a lower CPU priority (nice): they take whatever the
// ingestion writes leave. Where the kernel groups processes by session (autogroup, on here:
// /proc/sys/kernel/sched_autogroup_enabled), nice ranks the backends among themselves, as the
// embedded Postgres runs in a session of its own; the app and Postgres then share the cores
// as two sessions. Only for a Postgres on this machine that this process may renice (the
// embedded one, or a local server of the same user); a backend process is recognised by its
// pid and checked to be a postgres process first, so a remote server's pid never touches a
// local process. Anything that does not fit is left alone, silently.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLocalDatabase(connectionString: string): boolean {
  try {
    const url = new URL(connectionString);
    const host = decodeURIComponent(url.hostname) || url.searchParams.get("host") || "";
    return host === "" || host.startsWith("/") || LOCAL_HOSTS.has(host);
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, "latin1"));
  } catch {
    return false;
  }
}

/** Lowers the CPU priority of the backend behind `client` by `nice` (best effort). */
export function lowerBackendPriority(client: pg.Client, nice: number): void {
  const pid = (client as pg.Client & { processID?: number }).processID;
  if (!pid || nice <= 0 || !isPostgresProcess(pid)) return;
  try {
    setPriority(pid, nice);
  } catch {
    // Not ours to renice (another user's server without the privilege): leave it.
  }
}
