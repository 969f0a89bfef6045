// npm start / npm run dev — start MiniStat (and, without DATABASE_URL, its own Postgres).
// No telemetry from a privacy product: Next.js would otherwise report build and usage data.
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { boot, describeBootError } from "@/lib/server/boot";

// This process owns SIGINT, SIGTERM and SIGHUP: on any of them it stops taking requests,
// writes every accepted event, then stops Postgres (which runs in its own session, so a
// signal to our process group does not stop it first). A second signal while stopping is
// answered with a note, not with an exit that would lose the writes under way.

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const dev = process.argv.includes("--dev");
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";

let stopping = false;
let close: (() => Promise<void>) | null = null;
let signalled: string | null = null;

async function stop(signal: string): Promise<void> {
  if (stopping) {
    console.log(`${signal}: still stopping (writing accepted events, then stopping Postgres) …`);
    return;
  }
  stopping = true;
  console.log(`\n${signal}: stopping (finishing writes, stopping Postgres) …`);
  try {
    await close?.();
    process.exit(0);
  } catch (error) {
    console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// A stop asked for during start-up waits for boot to finish, then stops.
function requestStop(reason: string): void {
  if (close === null) signalled ??= reason;
  else void stop(reason);
}

for (const signal of SIGNALS) process.on(signal, () => requestStop(signal));

// `npm start` runs this under `sh -c`, and npm passes a SIGTERM on to that shell only, which
// exits without passing it further: the app would keep serving, orphaned, with nobody left to
// stop it. So when the process that started us is gone, we stop as on a signal. (Windows
// keeps a dead parent's id, so this is Unix-only; there the console's Ctrl-C reaches us.)
const parent = process.ppid;
const watchParent = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watchParent);
  if (!stopping) requestStop(`The process that started MiniStat (pid ${parent}) exited`);
}, 1_000).unref();

try {
  const app = await boot({ dev });
  close = app.close;
  if (signalled !== null) await stop(signalled);
} catch (error) {
  console.error(describeBootError(error));
  process.exit(1);
}
