import type { IncomingMessage, ServerResponse } from "node:http";
import { performance, type EventLoopUtilization } from "node:perf_hooks";

// Pages are rendered on the same event loop that answers /api/event. A dashboard render
// costs tens of milliseconds of CPU (session and site look-ups, React on the server for the
// RSC payload and the HTML); two hundred at once kept the loop busy for seconds, and every
// event waited that long for its 202. So requests for Next.js are admitted at the pace the
// loop can take:
//
// - at most maxActive (2) renders are active at once. A render that waits for a heavy query
//   (its turn in the read gate, or the scan in Postgres: seconds) uses no CPU here and does
//   not count once it has waited 100 ms (the page's skeleton is rendered meanwhile), so slow
//   filtered views do not hold quick pages back;
// - at most maxInFlight (64) renders in all: when the queries of many waiting renders end
//   at once (a lock released, a crowd of tabs closed), their renders resume together;
// - beyond the first active render, a new one is admitted only while the loop is busy less
//   than 40% of the time (event-loop utilization, smoothed over ~50 ms) and not running
//   late (20 ms); at most one per 10 ms tick.
//
// Waiting here costs nothing but a socket. A request whose client leaves while it waits is
// dropped; one that waits 10 s gets a plain "busy" 503 with Retry-After instead of a
// render. Static files are never held.

const TICK_MS = 10;

export type AdmissionLimits = { maxActive: number; maxInFlight: number; lagLimitMs: number; utilizationLimit: number; maxWaitMs: number };

const LIMITS: AdmissionLimits = { maxActive: 2, maxInFlight: 64, lagLimitMs: 20, utilizationLimit: 0.4, maxWaitMs: 10_000 };
const REFUSALS_PER_TICK = 4;
// A render whose heavy queries were asked for this recently is still rendering its skeletons.
const SETTLING_MS = 100;
const SMOOTHING = 0.2; // weight of the newest tick: ~50 ms of memory

/** What admission needs to know of a request: whether, and since when, it waits for a heavy query (request-context.ts). */
export type Admitted = { heavyReadsPending: number; heavyReadsSince: number };

type Pending = { admit: () => void; since: number; res: ServerResponse; refuse: () => void };
type Running = { request: Admitted; req: IncomingMessage; since: number };

export class RenderAdmission {
  private readonly queue: Pending[] = [];
  private readonly running = new Set<Running>();
  private lagMs = 0;
  private utilization = 0;
  private admittedThisTick = false;
  private timer: NodeJS.Timeout | null = null;
  private expected = 0;
  private lastElu: EventLoopUtilization | null = null;

  constructor(private readonly limits: AdmissionLimits = LIMITS) {}

  /**
   * Runs `handle` now, or once the event loop has room for it; answers 503 itself after
   * maxWaitMs, and never runs it for a client that left meanwhile. Settles with `handle`.
   */
  admit(req: IncomingMessage, res: ServerResponse, request: Admitted, handle: () => Promise<void>): Promise<void> {
    this.ensureTicking();
    if (isStaticAsset(req.url ?? "/") || this.limits.maxActive === Infinity) return handle();
    if (this.queue.length === 0 && this.hasRoom()) return this.run(req, res, request, handle);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        admit: () => void this.run(req, res, request, handle).then(resolve, reject),
        since: performance.now(),
        res,
        refuse: () => {
          refuseBusy(req, res, this.limits.maxWaitMs);
          resolve();
        },
      });
      // A client that leaves while waiting: nothing to render, nothing to answer.
      res.once("close", () => resolve());
    });
  }

  /** The loop's lateness and smoothed utilization at the last tick, renders and waiting requests (diagnostics, tests). */
  state(): { lagMs: number; utilization: number; running: number; active: number; waiting: number } {
    return { lagMs: this.lagMs, utilization: this.utilization, running: this.running.size, active: this.activeRenders(), waiting: this.queue.length };
  }

  private ensureTicking(): void {
    if (this.timer) return;
    this.expected = performance.now() + TICK_MS;
    this.lastElu = performance.eventLoopUtilization();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Renders running for longer than `ms`, oldest first: method, path (no query) and age (diagnostics). */
  longRunning(ms: number): { method: string; path: string; ms: number }[] {
    const now = performance.now();
    return [...this.running]
      .filter((r) => now - r.since > ms)
      .map((r) => ({ method: r.req.method ?? "GET", path: (r.req.url ?? "/").split("?")[0] ?? "/", ms: Math.round(now - r.since) }));
  }

  private activeRenders(): number {
    const settled = performance.now() - SETTLING_MS;
    let active = 0;
    for (const { request, req } of this.running) {
      if (req.complete && (request.heavyReadsPending === 0 || request.heavyReadsSince > settled)) active++;
    }
    return active;
  }

  private hasRoom(): boolean {
    if (this.admittedThisTick || this.running.size >= this.limits.maxInFlight) return false;
    const active = this.activeRenders();
    // One active render always: under a flood of events the loop may stay busy for minutes.
    if (active === 0) return true;
    return active < this.limits.maxActive && this.lagMs <= this.limits.lagLimitMs && this.utilization <= this.limits.utilizationLimit;
  }

  private run(req: IncomingMessage, res: ServerResponse, request: Admitted, handle: () => Promise<void>): Promise<void> {
    this.admittedThisTick = true;
    const entry: Running = { request, req, since: performance.now() };
    this.running.add(entry);
    const release = () => this.running.delete(entry);
    res.once("close", release);
    return handle().finally(release);
  }

  private tick(): void {
    const now = performance.now();
    this.lagMs = Math.max(0, now - this.expected);
    this.expected = now + TICK_MS;
    const elu = performance.eventLoopUtilization();
    if (this.lastElu) this.utilization = (1 - SMOOTHING) * this.utilization + SMOOTHING * performance.eventLoopUtilization(elu, this.lastElu).utilization;
    this.lastElu = elu;
    this.admittedThisTick = false;
    let refused = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (!next) break;
      if (next.res.destroyed) {
        this.queue.shift();
        continue;
      }
      if (now - next.since > this.limits.maxWaitMs) {
        // A crowd that arrived together expires together: a few answers a tick, not all at once.
        if (refused++ >= REFUSALS_PER_TICK) break;
        this.queue.shift();
        next.refuse();
        continue;
      }
      if (!this.hasRoom()) break;
      this.queue.shift();
      next.admit();
    }
  }
}

/** Whether a request is for a file Next serves as is (never held: cheap, and the page needs it). */
function isStaticAsset(url: string): boolean {
  return url.startsWith("/_next/static/") || url.startsWith("/js/") || url.startsWith("/favicon");
}

const admissionKey = Symbol.for("ministat.renderAdmission");
const globalForAdmission = globalThis as unknown as { [admissionKey]?: RenderAdmission };

// `npm run dev` compiles a route on its first request, for seconds, on this loop: holding
// requests back then would only turn a slow first load into a 503.
const UNLIMITED: AdmissionLimits = { maxActive: Infinity, maxInFlight: Infinity, lagLimitMs: Infinity, utilizationLimit: Infinity, maxWaitMs: Infinity };

/** The process's admission (request-context.ts hands every Next request through it); no limits outside production builds. */
export function getRenderAdmission(): RenderAdmission {
  globalForAdmission[admissionKey] ??= new RenderAdmission(process.env.NODE_ENV === "production" ? LIMITS : UNLIMITED);
  return globalForAdmission[admissionKey];
}

// Plain HTML of its own: rendering the app's page is exactly what there is no room for.
const BUSY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Busy — MiniStat</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}main{max-width:28rem;margin:15vh auto;padding:2.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 2px #0000000d;outline:1px solid #e2e8f0;text-align:center}h1{font-size:1.25rem;margin:0 0 .5rem}p{color:#475569;font-size:.875rem;line-height:1.5}a{display:inline-block;margin-top:1rem;padding:.6rem 1rem;border-radius:.5rem;background:#2563eb;color:#fff;font-weight:600;text-decoration:none}</style></head>
<body><main><h1>Busy right now</h1><p>Many dashboards are being loaded at this moment, and this page could not start in time. Please try again in a moment.</p><a href="">Try again</a></main></body></html>`;

function refuseBusy(req: IncomingMessage, res: ServerResponse, waitedMs: number): void {
  const retryAfter = String(Math.max(1, Math.round(waitedMs / 1000)));
  const message = "MiniStat is very busy right now. Please try again in a moment.";
  if ((req.headers.accept ?? "").includes("text/html")) {
    res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": retryAfter, "cache-control": "no-store" });
    res.end(BUSY_PAGE);
    return;
  }
  res.writeHead(503, { "content-type": "application/json", "retry-after": retryAfter, "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { code: "busy", message } }));
}
