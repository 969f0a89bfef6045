// The embedded ClickHouse's own process, forked by embedded-engine.ts (which says why):
// `node --import tsx embedded-host.ts <data dir> <database> <sessions> --parent=<pid>`.
// It opens the data directory with the official client over chdb (client.ts, `sessions`
// sessions side by side) and answers the app's calls over IPC.
// It ends when the app asks it to close, and when the app is gone (the IPC channel closes), so
// a dead app does not leave it holding the directory.
import { connectOfficialClient } from "./client";
import type { HostReply, HostRequest } from "./embedded-engine";

const LAST_CALLS_MS = 1_000; // after the app died: time given to calls under way before exiting

const [dataPath, database, sessions] = process.argv.slice(2);
if (!process.send || !dataPath || !database || !Number(sessions)) {
  console.error("embedded-host.ts is started by the app (lib/analytics/engines/clickhouse/embedded-engine.ts), not by hand.");
  process.exit(2);
}

const inFlight = new Set<Promise<void>>();
let closing = false;
const opening = connectOfficialClient({ path: dataPath, database, sessions: Number(sessions) });

function reply(message: HostReply): void {
  if (process.connected) process.send!(message, undefined, {}, () => {}); // the app may be gone
}

// Registered before the engine is open: a close may come while it opens.
process.on("message", (request: HostRequest) => {
  if (request.op === "close") return void finish(Infinity, request.id);
  if (closing) return reply({ kind: "error", id: request.id, message: "ClickHouse is closing" });
  const call = answer(request);
  inFlight.add(call);
  void call.finally(() => inFlight.delete(call));
});
process.on("disconnect", () => void finish(LAST_CALLS_MS));

async function answer(request: Exclude<HostRequest, { op: "close" }>): Promise<void> {
  try {
    const engine = await opening;
    if (request.op === "insert") await engine.insert(request.table, request.body, request.format);
    else if (request.op === "command") await engine.command(request.sql, request.params);
    else return reply({ kind: "done", id: request.id, text: await engine.query(request.sql, request.params) });
    reply({ kind: "done", id: request.id });
  } catch (error) {
    const { message, code, type } = error as { message: string; code?: string; type?: string };
    reply({ kind: "error", id: request.id, message, code, type });
  }
}

// Closing the engine with a call under way would abort it (chdb): wait for the calls first.
// Past the grace time, exit hard: a plain exit waits for the engine's running statement
// (measured: 10 s for a 10 s query), and the data directory must be free for the next start.
// MergeTree writes whole parts, so a hard stop loses no completed insert.
async function finish(graceMs: number, closeId?: number): Promise<void> {
  if (closing) return;
  closing = true;
  const settled = Promise.allSettled(inFlight).then(() => true);
  const inTime = graceMs === Infinity ? await settled : await Promise.race([settled, new Promise<false>((r) => setTimeout(() => r(false), graceMs))]);
  if (!inTime) process.kill(process.pid, "SIGKILL");
  await opening.then((engine) => engine.close()).catch(() => {});
  if (closeId === undefined || !process.connected) process.exit(0);
  process.send!({ kind: "done", id: closeId } satisfies HostReply, undefined, {}, () => process.exit(0));
}

try {
  await opening;
  reply({ kind: "ready" });
} catch (error) {
  closing = true;
  if (!process.connected) process.exit(1);
  process.send!({ kind: "failed", message: (error as Error).message } satisfies HostReply, undefined, {}, () => process.exit(1));
}
