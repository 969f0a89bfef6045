import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

// The production server as `npm start` runs it (scripts/start.ts → boot), in a child
// process: the load generator and the measurements must not share its event loop.
// boot() builds first when there is no production build yet, so waiting for "ready" can
// take a few minutes on the first run. Its output is passed through, indented.

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

const READY_TIMEOUT_MS = 10 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startServer(options: { port: number; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<RunningServer> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/profiles" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
    env: { ...options.env, PORT: String(options.port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recent: string[] = [];
  let ready = false;
  const readyPromise = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      options.log(`    │ ${line}`);
      if (!ready && line.includes("MiniStat is ready")) {
        ready = true;
        resolve();
      }
    };
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on("line", onLine);
    child.once("exit", (code, signal) => {
      if (!ready) reject(new Error(`the server exited before it was ready (${signal ?? `code ${code}`}); last output:\n${recent.join("\n")}`));
    });
    setTimeout(() => reject(new Error(`the server was not ready after ${READY_TIMEOUT_MS / 60_000} minutes`)), READY_TIMEOUT_MS).unref();
    // Also ready when it answers, should the log line ever change.
    const poll = setInterval(() => {
      if (ready) return clearInterval(poll);
      fetch(`http://127.0.0.1:${options.port}/login`, { redirect: "manual" })
        .then((response) => {
          if (response.status < 500 && !ready) {
            ready = true;
            resolve();
          }
        })
        .catch(() => {});
    }, 2_000);
    poll.unref();
  });
  const stop = () => stopChild(child);
  try {
    await readyPromise;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}`, pid: child.pid ?? 0, stop };
}

/** SIGTERM (the server drains ingestion and closes its pool), SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
