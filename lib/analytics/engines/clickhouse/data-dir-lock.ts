import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

// Who holds an embedded ClickHouse data directory. The engine locks <dir>/status and writes its
// process id there while it has the directory open; one process at a time. The holder we can
// deal with is our own engine process left behind by an app that was killed hard: it exits by
// itself once it notices (embedded-host.ts), but a new start may come first.

export type LockHolder = {
  pid: number;
  command: string;
  /** Our engine process whose app is gone (it was started with --parent=<pid> by another parent). */
  orphanedEngine: boolean;
};

export async function findLockHolder(dataDir: string): Promise<LockHolder | null> {
  const status = await readFile(path.join(dataDir, "status"), "utf8").catch(() => "");
  const pid = Number(/^PID:\s*(\d+)/m.exec(status)?.[1]);
  if (!pid || pid === process.pid || !isAlive(pid)) return null;
  const info = await describeProcess(pid);
  if (!info) return null;
  const parent = Number(/--parent=(\d+)/.exec(info.command)?.[1]);
  // A detached child keeps its parent's pid until the parent dies; then it is adopted.
  const orphanedEngine = info.command.includes("embedded-host") && Boolean(parent) && info.ppid !== parent;
  return { pid, command: info.command, orphanedEngine };
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Whether the process runs. A dead one waiting for its parent to collect it (a zombie) holds no lock. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  if (process.platform !== "linux") return true;
  const stat = (() => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      return "";
    }
  })();
  return stat !== "" && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}

async function describeProcess(pid: number): Promise<{ ppid: number; command: string } | null> {
  if (process.platform === "linux") {
    const [stat, cmdline] = await Promise.all([readFile(`/proc/${pid}/stat`, "utf8"), readFile(`/proc/${pid}/cmdline`, "utf8")]).catch(() => ["", ""]);
    if (!stat) return null;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return { ppid, command: cmdline.split("\0").join(" ").trim() };
  }
  const { stdout } = await promisify(execFile)("ps", ["-o", "ppid=,args=", "-p", String(pid)]).catch(() => ({ stdout: "" }));
  const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
  return match ? { ppid: Number(match[1]), command: match[2]! } : null;
}
