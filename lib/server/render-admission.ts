import type { IncomingMessage, ServerResponse } from "node:http";
import { performance, type EventLoopUtilization } from "node:perf_hooks";

// Pages are rendered on the same event loop that answers /api/event. A dashboard render
// costs tens of milliseconds of CPU (session and site look-ups, React on the server for the
// RSC payload and the HTML); two hundred at once kept the loop busy for seconds, and every
// event waited that long for its 202. So requests for Next.js are admitted at the pace the
// loop can take:
//
// - at most MAX_ACTIVE renders are active at once. A render that waits for a heavy query
//   (its turn in the read gate, or the scan in Postgres: seconds) uses no CPU here and does
//   not count, so slow filtered views do not hold quick pages back;
// - beyond the first active render, a new one is admitted only while the loop is busy less
//   than UTILIZATION_LIMIT of the time (event-loop utilization, smoothed over ~50 ms) and
//   not running late (LAG_LIMIT_MS); at most one per 10 ms tick.
//
// Waiting here costs nothing but a socket. A request whose client leaves while it waits is
// dropped; one that waits MAX_WAIT_MS gets a plain "busy" 503 with Retry-After instead of a
// render. Static files are never held.

const TICK_MS = 10;
const LAG_LIMIT_MS = 20;
const UTILIZATION_LIMIT = 0.5;
const SMOOTHING = 0.2; // weight of the newest tick: ~50 ms of memory
const MAX_ACTIVE = 3;
const MAX_WAIT_MS = 10_000;

/** What admission needs to know of a request: whether it waits for a heavy query (request-context.ts). */
export type Admitted = { heavyReadsPending: number };

type Pending = { admit: () => void; since: number; res: ServerResponse; refuse: () => void };

const queue: Pending[] = [];
const running = new Set<Admitted>();
let lagMs = 0;
let utilization = 0;
let admittedThisTick = false;
let timer: NodeJS.Timeout | null = null;
let expected = 0;
let lastElu: EventLoopUtilization | null = null;

function ensureTicking(): void {
  if (timer) return;
  expected = performance.now() + TICK_MS;
  lastElu = performance.eventLoopUtilization();
  timer = setInterval(tick, TICK_MS);
  timer.unref();
}

function activeRenders(): number {
  let active = 0;
  for (const request of running) if (request.heavyReadsPending === 0) active++;
  return active;
}

function hasRoom(): boolean {
  if (admittedThisTick) return false;
  const active = activeRenders();
  // One active render always: under a flood of events the loop may stay busy for minutes.
  return active === 0 || (active < MAX_ACTIVE && lagMs <= LAG_LIMIT_MS && utilization <= UTILIZATION_LIMIT);
}

function run(request: Admitted, handle: () => Promise<void>): Promise<void> {
  admittedThisTick = true;
  running.add(request);
  return handle().finally(() => running.delete(request));
}

function tick(): void {
  const now = performance.now();
  lagMs = Math.max(0, now - expected);
  expected = now + TICK_MS;
  const elu = performance.eventLoopUtilization();
  if (lastElu) utilization = (1 - SMOOTHING) * utilization + SMOOTHING * performance.eventLoopUtilization(elu, lastElu).utilization;
  lastElu = elu;
  admittedThisTick = false;
  while (queue.length > 0) {
    const next = queue[0];
    if (!next) break;
    if (next.res.destroyed) {
      queue.shift();
      continue;
    }
    if (now - next.since > MAX_WAIT_MS) {
      queue.shift();
      next.refuse();
      continue;
    }
    if (!hasRoom()) break;
    queue.shift();
    next.admit();
  }
}

/** Whether a request is for a file Next serves as is (never held: cheap, and the page needs it). */
function isStaticAsset(url: string): boolean {
  return url.startsWith("/_next/static/") || url.startsWith("/js/") || url.startsWith("/favicon");
}

/**
 * Runs `handle` now, or once the event loop has room for it; answers 503 itself after
 * MAX_WAIT_MS, and never runs it for a client that left meanwhile. Settles with `handle`.
 */
export function admitRender(req: IncomingMessage, res: ServerResponse, request: Admitted, handle: () => Promise<void>): Promise<void> {
  ensureTicking();
  if (isStaticAsset(req.url ?? "/")) return handle();
  if (queue.length === 0 && hasRoom()) return run(request, handle);
  return new Promise<void>((resolve, reject) => {
    queue.push({
      admit: () => void run(request, handle).then(resolve, reject),
      since: performance.now(),
      res,
      refuse: () => {
        refuseBusy(req, res);
        resolve();
      },
    });
    // A client that leaves while waiting: nothing to render, nothing to answer.
    res.once("close", () => resolve());
  });
}

function refuseBusy(req: IncomingMessage, res: ServerResponse): void {
  const retryAfter = String(Math.round(MAX_WAIT_MS / 1000));
  const message = "MiniStat is very busy right now. Please try again in a moment.";
  if ((req.headers.accept ?? "").includes("text/html")) {
    res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": retryAfter, "cache-control": "no-store" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy — MiniStat</title></head><body><main><h1>Busy right now</h1><p>${message}</p><p><a href="">Try again</a></p></main></body></html>`);
    return;
  }
  res.writeHead(503, { "content-type": "application/json", "retry-after": retryAfter, "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { code: "busy", message } }));
}

/** The loop's lateness and smoothed utilization at the last tick, renders and waiting requests (diagnostics). */
export function renderAdmissionState(): { lagMs: number; utilization: number; running: number; active: number; waiting: number } {
  return { lagMs, utilization, running: running.size, active: activeRenders(), waiting: queue.length };
}
