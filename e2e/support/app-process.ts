import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

// MiniStat as `npm start` runs it (node + tsx on scripts/start.ts), in a child process of
// its own process group, so that operator tests can signal the process or the whole group,
// or kill it, and start it again on the same data directory. It reuses the production
// build the e2e web server made (MINISTAT_SKIP_BUILD_CHECK), and stops its embedded
// Postgres on SIGTERM as in production.

export type AppProcess = {
  url: string;
  pid: number;
  dataDir: string;
  /** Every line the app printed so far. */
  output: string[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
};

export type AppPorts = { app: number; postgres: number };

const READY = /MiniStat is ready/;

/** `viaNpm`: run `npm start` itself (pid is then npm's), as an operator types it. */
export async function startApp(options: { dataDir: string; ports: AppPorts; env?: Record<string, string>; viaNpm?: boolean }): Promise<AppProcess> {
  const [command, args] = options.viaNpm ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", "scripts/start.ts"]];
  const child: ChildProcess = spawn(command, args, {
    detached: true, // a process group of its own
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      MINISTAT_ENV: "development",
      MINISTAT_SKIP_BUILD_CHECK: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: options.dataDir,
      PORT: String(options.ports.app),
      EMBEDDED_PG_PORT: String(options.ports.postgres),
      APP_URL: `http://localhost:${options.ports.app}`,
      DATABASE_URL: "",
      ...options.env,
    },
  });
  const output: string[] = [];
  const watchers = new Set<(line: string) => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      output.push(line);
      for (const watcher of watchers) watcher(line);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const waitForOutput = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen) return resolve(seen);
      const timer = setTimeout(() => done(new Error(`no output matching ${pattern} within ${timeoutMs / 1000} s; last lines:\n${output.slice(-15).join("\n")}`)), timeoutMs);
      const watcher = (line: string) => {
        if (pattern.test(line)) done(null, line);
      };
      const done = (error: Error | null, line?: string) => {
        clearTimeout(timer);
        watchers.delete(watcher);
        if (error) reject(error);
        else resolve(line!);
      };
      watchers.add(watcher);
      void exited.then(({ code, signal }) => done(new Error(`the app exited (${signal ?? `code ${code}`}) before printing ${pattern}; last lines:\n${output.slice(-15).join("\n")}`)));
    });

  await waitForOutput(READY);
  return { url: `http://127.0.0.1:${options.ports.app}`, pid: child.pid!, dataDir: options.dataDir, output, exited, waitForOutput };
}

/** The embedded Postgres's server process, from its lock file. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The connection URL of an app's embedded Postgres (its password lives in the data directory). */
export function databaseUrl(dataDir: string, port: number): string {
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ministat`;
}

