import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { QueryParams } from "./clickhouse";
import { findLockHolder, isAlive, waitForExit } from "./data-dir-lock";
import { lowerEnginePriority } from "./engine-priority";
import { ClickHouseQueryError, ClickHouseTimeoutError, ClickHouseUnavailableError } from "./errors";
import type { EngineConnection, InsertFormat } from "./transport";

// The embedded ClickHouse (chdb) runs in a child process of its own, supervised here.
// Why not in this process: chdb is a native library, and a crash in it (a segfault, an abort,
// a result too large for a JS string) ends the process it runs in. In a child, the app keeps
// its accepted events while the engine is restarted. Measured on the 2-core machine (busy):
// a trivial query's p50 is 1.3 ms through the child against 1.1 ms in-process, top pages of a
// site on 1M events 8–11 ms against 8; a start takes 0.6–1.3 s against 0.4 s (the child loads
// tsx); a restart after kill -9 takes 0.9–1.6 s (README, "Analytics engine").
// - The child (embedded-host.ts) runs the same official client code (client.ts) on the data
//   directory; calls and results go over IPC as JSONEachRow text.
// - It runs in its own session (detached): a Ctrl-C or a SIGTERM to our process group reaches
//   our shutdown only, which writes every accepted event before it closes the engine.
// - It exits when this process dies (its IPC channel closes), so it does not keep holding the
//   data directory; a start that finds such a leftover waits for it, then stops it.
// - If it dies while we run, calls under way reject with ClickHouseUnavailableError (retryable)
//   and it is started again with growing delays; onRestart listeners are told once it is back.

export type HostRequest =
  | { id: number; op: "query" | "command"; sql: string; params: QueryParams }
  | { id: number; op: "insert"; table: string; body: string; format: InsertFormat }
  | { id: number; op: "close" };

export type HostReply =
  | { kind: "ready" }
  | { kind: "failed"; message: string }
  | { kind: "done"; id: number; text?: string }
  | { kind: "error"; id: number; message: string; code?: string; type?: string };

/** `nice`: the engine process's CPU priority (engine-priority.ts). */
type Options = { path: string; database: string; timeoutMs: number; nice: number; log: (line: string) => void };
type Pending = { resolve: (text: string | undefined) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

const HOST = path.join(process.cwd(), "lib/analytics/engines/clickhouse/embedded-host.ts");
// Statements the engine runs at once (one per chdb session; a session runs one at a time).
const SESSIONS = 4;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LEFTOVER_EXIT_MS = 15_000;
const RESTART_DELAYS_MS = [200, 500, 1_000, 2_000, 5_000];

export async function openEmbeddedClickHouse(options: Options): Promise<EngineConnection & { setCallTimeout(ms: number): void }> {
  mkdirSync(options.path, { recursive: true });
  const engine = new EmbeddedEngine(options);
  await engine.start();
  options.log(`ClickHouse (embedded), data in ${options.path}`);
  return {
    transport: {
      query: async (sql, params) => (await engine.call({ op: "query", sql, params })) ?? "",
      command: async (sql, params) => void (await engine.call({ op: "command", sql, params })),
      insert: async (table, body, format) => void (await engine.call({ op: "insert", table, body, format })),
      close: () => engine.stop(),
    },
    onRestart: (listener) => engine.onRestart(listener),
    pid: () => engine.pid,
    setCallTimeout: (ms) => engine.setCallTimeout(ms),
  };
}

type Call = { op: "query" | "command"; sql: string; params: QueryParams } | { op: "insert"; table: string; body: string; format: InsertFormat };

class EmbeddedEngine {
  private child: ChildProcess | null = null;
  private ready = false;
  private stopping = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly restartListeners: Array<() => void> = [];

  private timeoutMs: number;

  constructor(private readonly options: Options) {
    this.timeoutMs = options.timeoutMs;
  }

  /** How long later calls may take (the migrations at start get longer than queries). */
  setCallTimeout(ms: number): void {
    this.timeoutMs = ms;
  }

  get pid(): number | null {
    return this.ready ? (this.child?.pid ?? null) : null;
  }

  onRestart(listener: () => void): void {
    this.restartListeners.push(listener);
  }

  async start(): Promise<void> {
    try {
      await this.startChild();
    } catch (error) {
      // chdb's error says only "Failed to create connection". A process that holds the directory
      // has written its pid into <dir>/status (only after a failed open is that pid current).
      if (!(await this.clearLeftoverHolder(error as Error))) throw error;
      await this.startChild();
    }
  }

  call(call: Call): Promise<string | undefined> {
    const child = this.child;
    if (this.stopping) return Promise.reject(new Error("ClickHouse is closed"));
    if (!child || !this.ready) {
      return Promise.reject(new ClickHouseUnavailableError("The embedded ClickHouse is restarting after it stopped unexpectedly; try again shortly."));
    }
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timeoutMs = this.timeoutMs;
      const timer = setTimeout(() => this.settle(id, new ClickHouseTimeoutError(timeoutMs / 1000)), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.send({ id, ...call } satisfies HostRequest, (error) => {
        if (error) this.settle(id, new ClickHouseUnavailableError(`The embedded ClickHouse could not be reached: ${error.message}`, { cause: error }));
      });
    });
  }

  /**
   * Waits for the engine's calls under way and closes the data directory; the process then
   * ends on its own (its exit takes another ~1.5 s, which nobody needs to wait for).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const id = ++this.nextId;
    const closed = new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.on("message", (reply: HostReply) => reply.kind === "done" && reply.id === id && resolve());
    });
    if (child.connected) child.send({ id, op: "close" } satisfies HostRequest, () => {});
    else child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await closed;
    clearTimeout(timer);
  }

  private async startChild(): Promise<void> {
    const { path: dataPath, database } = this.options;
    const child = fork(HOST, [dataPath, database, String(SESSIONS), `--parent=${process.pid}`], {
      execArgv: ["--import", "tsx"],
      // chdb's calls wait on libuv's thread pool: a thread for each session, and some to spare.
      env: { ...process.env, UV_THREADPOOL_SIZE: String(SESSIONS + 2) },
      detached: true,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
    });
    // Neither the process nor its channel keeps ours alive: the calls' timers do while they wait.
    child.unref();
    child.channel?.unref();
    if (child.pid !== undefined) lowerEnginePriority(child.pid, this.options.nice);
    this.child = child;
    this.ready = false;
    const exited = new Promise<string>((resolve) => {
      child.once("error", (error) => resolve(error.message));
      child.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`));
    });
    const outcome = await new Promise<HostReply | { kind: "exited"; how: string }>((resolve) => {
      const timer = setTimeout(() => resolve({ kind: "failed", message: `no answer within ${START_TIMEOUT_MS / 1000} s` }), START_TIMEOUT_MS);
      const settle = (result: HostReply | { kind: "exited"; how: string }) => {
        clearTimeout(timer);
        resolve(result);
      };
      child.once("message", settle);
      void exited.then((how) => settle({ kind: "exited", how }));
    });
    if (outcome.kind !== "ready") {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      const why = outcome.kind === "failed" ? outcome.message : outcome.kind === "exited" ? `its process ended (${outcome.how})` : "unexpected reply";
      throw new Error(`The embedded ClickHouse (${dataPath}) did not start: ${why}`);
    }
    child.on("message", (reply: HostReply) => this.onReply(reply));
    void exited.then((how) => this.onExit(child, how));
    this.ready = true;
  }

  private onReply(reply: HostReply): void {
    if (reply.kind === "done") this.settle(reply.id, undefined, reply.text);
    else if (reply.kind === "error") this.settle(reply.id, new ClickHouseQueryError(reply.message, { code: reply.code, type: reply.type }));
  }

  private settle(id: number, error: Error | undefined, text?: string): void {
    const pending = this.pending.get(id);
    if (!pending) return; // timed out already
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(text);
  }

  private onExit(child: ChildProcess, how: string): void {
    if (this.child !== child) return;
    this.ready = false;
    for (const id of [...this.pending.keys()]) {
      this.settle(id, new ClickHouseUnavailableError(`The embedded ClickHouse stopped (${how}) during this call; it is being restarted, try again.`));
    }
    if (this.stopping) return;
    this.options.log(`ClickHouse (embedded) stopped unexpectedly (${how}); restarting it …`);
    void this.restart(Date.now());
  }

  private async restart(since: number): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]));
      if (this.stopping) return;
      try {
        await this.startChild();
      } catch (error) {
        if (attempt % 5 === 4) this.options.log(`ClickHouse (embedded) still cannot restart: ${(error as Error).message}`);
        continue;
      }
      if (this.stopping) return; // stop() has told the new process to close
      this.options.log(`ClickHouse (embedded) is running again after ${((Date.now() - since) / 1000).toFixed(1)} s.`);
      for (const listener of this.restartListeners) listener();
      return;
    }
  }

  // Whether another process held the directory and has let go. Our own engine process left by
  // an app that died is on its way out (it finishes its calls, at most a few seconds): wait,
  // then stop it. Anything else (another MiniStat, a script) is not ours to stop.
  private async clearLeftoverHolder(failure: Error): Promise<boolean> {
    const holder = await findLockHolder(this.options.path);
    if (holder === null) return false;
    if (!holder.orphanedEngine) {
      throw new Error(
        `${failure.message}. The data directory is in use by process ${holder.pid} (${holder.command}). ` +
          "One process at a time can open it: stop that one, give this one another DATA_DIR, or use a ClickHouse server (CLICKHOUSE_URL).",
      );
    }
    this.options.log(`Waiting for the embedded ClickHouse (pid ${holder.pid}) of an earlier run to let go of ${this.options.path} …`);
    if (!(await waitForExit(holder.pid, LEFTOVER_EXIT_MS)) && isAlive(holder.pid)) {
      process.kill(holder.pid, "SIGKILL");
      await waitForExit(holder.pid, 5_000);
    }
    return true;
  }
}
