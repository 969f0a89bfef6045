import { getRequestContext, type RequestContext } from "@/lib/server/request-context";
import { getDashboardScan, type PartResult, type ScanPart } from "./get-dashboard-scan";
import type { StatsQuery } from "@/lib/analytics/types";

// Filtered panels of one view are asked for together (the dashboard renders them side by
// side), and each would scan the period's visits on its own. Requests for the same view
// that arrive before the next turn of the event loop are answered together instead, by a
// runner that knows how to share the scan (each engine has its own). Only requests of one
// HTTP request share a scan: the scan runs in that request's context, is cancelled when its
// client leaves, and takes that account's turn in the read gate.

/** Answers the parts of one view asked for in the same turn: one promise per part, in the order of `parts`. */
export type ScanRunner<P> = (q: StatsQuery, parts: P[]) => Array<Promise<unknown>>;

const requestIds = new WeakMap<RequestContext, number>();
let lastRequestId = 0;

function requestId(): number {
  const context = getRequestContext();
  if (!context) return 0;
  let id = requestIds.get(context);
  if (id === undefined) requestIds.set(context, (id = ++lastRequestId));
  return id;
}

function viewKey(q: StatsQuery): string {
  const filters = Object.entries(q.filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([requestId(), q.site.id, q.site.timezone, q.range.from, q.range.to, q.range.interval, q.source ?? "auto", filters]);
}

type Waiter<P> = { part: P; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** `together(q, part)`: the part's result, computed with the other parts of its view asked for in this turn. */
export function createScanBatcher<P>(runner: ScanRunner<P>): (q: StatsQuery, part: P) => Promise<unknown> {
  const batches = new Map<string, { q: StatsQuery; waiters: Array<Waiter<P>> }>();
  function run(key: string): void {
    const batch = batches.get(key);
    batches.delete(key);
    if (!batch) return;
    let answers: Array<Promise<unknown>>;
    try {
      answers = runner(
        batch.q,
        batch.waiters.map((w) => w.part),
      );
    } catch (error) {
      answers = batch.waiters.map(() => Promise.reject(error));
    }
    batch.waiters.forEach((w, i) => answers[i]!.then(w.resolve, w.reject));
  }
  return (q, part) =>
    new Promise((resolve, reject) => {
      const key = viewKey(q);
      let batch = batches.get(key);
      if (!batch) {
        batches.set(key, (batch = { q, waiters: [] }));
        setImmediate(() => run(key));
      }
      batch.waiters.push({ part, resolve, reject });
    });
}

// Postgres: two shared scans side by side on two connections, one for the visit panels, one
// for the panels that also read events (page, event, goals).
const readsEvents = (part: ScanPart) => part.kind === "goals" || (part.kind === "breakdown" && (part.dimension === "page" || part.dimension === "event"));

const postgresScans = createScanBatcher<ScanPart>((q, parts) => {
  const visitParts = parts.filter((p) => !readsEvents(p));
  const eventParts = parts.filter(readsEvents);
  const visitScan = visitParts.length > 0 ? getDashboardScan(q, visitParts) : null;
  const eventScan = eventParts.length > 0 ? getDashboardScan(q, eventParts) : null;
  return parts.map((part) =>
    readsEvents(part) ? eventScan!.then((values) => values[eventParts.indexOf(part)]) : visitScan!.then((values) => values[visitParts.indexOf(part)]),
  );
});

export function scanTogether<P extends ScanPart>(q: StatsQuery, part: P): Promise<PartResult<P>> {
  return postgresScans(q, part) as Promise<PartResult<P>>;
}
