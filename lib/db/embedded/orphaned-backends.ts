import { readdir, readFile, readlink, realpath } from "node:fs/promises";

// When the postmaster dies (kill -9, an OOM kill), its backends live on until they notice:
// an idle one at once, one busy with a long statement only when the statement ends. Until
// then they hold the dead server's shared memory, and a new postmaster refuses to start
// ("pre-existing shared memory block is still in use"). Postgres itself ends its children
// after a crash; here the supervisor does it for a postmaster that is gone. Every Postgres
// process works in its data directory, so /proc tells which ones are left (Linux; elsewhere
// none are found and a restart waits for them, as before).

/** Pids of the Postgres processes whose working directory is `clusterDir`. */
export async function backendsOf(clusterDir: string): Promise<number[]> {
  const dir = await realpath(clusterDir).catch(() => clusterDir);
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => null);
    if (cwd !== dir) continue;
    const name = await readFile(`/proc/${entry}/comm`, "utf8").catch(() => "");
    if (name.trim() === "postgres") pids.push(Number(entry));
  }
  return pids;
}

/** Kills the processes left of a dead postmaster of `clusterDir`; how many there were. */
export async function endOrphanedBackends(clusterDir: string): Promise<number> {
  const pids = await backendsOf(clusterDir);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return pids.length;
}
