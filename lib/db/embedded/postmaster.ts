import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile, stat, truncate } from "node:fs/promises";
import path from "node:path";
import type { PostgresBinaries } from "./binaries";
import type { RunAs } from "./cluster";
import { endOrphanedBackends } from "./orphaned-backends";

// The embedded Postgres server process, supervised.
// - It runs in its own session (detached): Ctrl-C in a terminal, or a SIGTERM sent to our
//   process group, reaches our shutdown only, which writes every accepted event before it
//   stops Postgres. Postgres receiving the same signal at once would refuse those writes.
// - It logs to <data dir>/postgres.log, not to a pipe of ours: when this process is killed
//   hard, Postgres keeps running (the next start finds and stops it) and must not die of a
//   broken pipe either.
// - If it dies while we run (a crash, an OOM kill, kill -9), it is started again: Postgres
//   replays its WAL, so every committed write is still there, and listeners (the ingestion
//   flusher) are told to retry what was not yet written.

export type PostmasterOptions = {
  binaries: PostgresBinaries;
  clusterDir: string;
  port: number;
  flags: string[];
  runAs: RunAs;
  log: (line: string) => void;
};

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const RESTART_DELAYS_MS = [200, 500, 1_000, 2_000, 5_000];
const LOG_FILE_LIMIT = 20 * 1024 * 1024;

export class Postmaster {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarting = false;
  private readonly restartListeners: Array<() => void> = [];

  constructor(private readonly options: PostmasterOptions) {}

  get logFile(): string {
    return path.join(path.dirname(this.options.clusterDir), "postgres.log");
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Called each time Postgres is back after dying on its own. */
  onRestart(listener: () => void): void {
    this.restartListeners.push(listener);
  }

  async start(): Promise<void> {
    await this.trimLog();
    const { binaries, clusterDir, port, flags, runAs } = this.options;
    const logFd = openSync(this.logFile, "a", 0o600);
    let child: ChildProcess;
    try {
      child = spawn(binaries.postgres, ["-D", clusterDir, "-p", String(port), ...flags], {
        ...(runAs ?? {}),
        detached: true,
        stdio: ["ignore", logFd, logFd],
        env: { ...process.env, LC_MESSAGES: "C" },
      });
    } finally {
      closeSync(logFd); // the child has its own copy
    }
    child.unref(); // our shutdown stops it explicitly; it must not keep a finished process alive
    this.child = child;
    const exited = new Promise<string>((resolve) => {
      child.once("error", (error) => resolve(error.message));
      child.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`));
    });
    void exited.then((how) => this.onExit(child, how));
    await this.waitUntilReady(child, exited);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT"); // fast shutdown: abort open transactions, checkpoint, exit
    const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  // Postgres writes "ready" on the 8th line of postmaster.pid once it accepts connections.
  private async waitUntilReady(child: ChildProcess, exited: Promise<string>): Promise<void> {
    let exitedHow: string | null = null;
    void exited.then((how) => (exitedHow = how));
    const pidFile = path.join(this.options.clusterDir, "postmaster.pid");
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exitedHow !== null) throw new Error(`Postgres exited while starting (${exitedHow}): ${await this.logTail()}`);
      const lines = (await readFile(pidFile, "utf8").catch(() => "")).split("\n");
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === "ready") return;
      if (Date.now() > deadline) {
        child.kill("SIGQUIT");
        throw new Error(`Postgres did not start within ${READY_TIMEOUT_MS / 1000} s: ${await this.logTail()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private onExit(child: ChildProcess, how: string): void {
    if (this.child !== child || this.stopping || this.restarting) return;
    this.options.log(`Postgres (embedded) stopped unexpectedly (${how}); restarting it …`);
    void this.restart(Date.now());
  }

  // Backends of the dead server may hold its shared memory, and Postgres refuses to start
  // until they are gone: those still there after the first delay are ended (a long statement
  // would keep one alive until it finishes), then the start is retried with growing delays,
  // for as long as it takes.
  private async restart(since: number): Promise<void> {
    this.restarting = true;
    for (let attempt = 0; !this.stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]));
      if (this.stopping) break;
      const ended = await endOrphanedBackends(this.options.clusterDir);
      if (ended > 0) this.options.log(`Postgres (embedded): ended ${ended} process${ended === 1 ? "" : "es"} left of the dead server`);
      try {
        await this.start();
        this.options.log(`Postgres (embedded) is running again after ${((Date.now() - since) / 1000).toFixed(1)} s (crash recovery done).`);
        this.restarting = false;
        for (const listener of this.restartListeners) listener();
        return;
      } catch (error) {
        if (attempt % 5 === 4) this.options.log(`Postgres (embedded) still cannot restart: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.restarting = false;
  }

  private async logTail(): Promise<string> {
    const text = await readFile(this.logFile, "utf8").catch(() => "");
    return text.trim().split("\n").slice(-8).join("\n") || "(no output)";
  }

  private async trimLog(): Promise<void> {
    const size = await stat(this.logFile).then((s) => s.size, () => 0);
    if (size > LOG_FILE_LIMIT) await truncate(this.logFile, 0);
  }
}
