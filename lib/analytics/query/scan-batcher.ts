import { getRequestContext, type RequestContext } from "@/lib/server/request-context";
import { getDashboardScan, type PartResult, type ScanPart } from "./get-dashboard-scan";
import type { StatsQuery } from "@/lib/analytics/types";

// Filtered panels of one view are asked for together (the dashboard renders them side by
// side), and each would scan the period's visits on its own. Requests for the same view
// that arrive before the next turn of the event loop are answered by two shared scans
// instead: one for the visit panels, one for the panels that also read events (page, event,
// goals), side by side on two connections. Only requests of one HTTP request share a scan:
// the scan runs in that request's context, is cancelled when its client leaves, and takes
// that account's turn in the read gate.

type Waiter = { part: ScanPart; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const batches = new Map<string, { q: StatsQuery; waiters: Waiter[] }>();

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

const readsEvents = (part: ScanPart) => part.kind === "goals" || (part.kind === "breakdown" && (part.dimension === "page" || part.dimension === "event"));

export function scanTogether<P extends ScanPart>(q: StatsQuery, part: P): Promise<PartResult<P>> {
  return new Promise<PartResult<P>>((resolve, reject) => {
    const key = viewKey(q);
    let batch = batches.get(key);
    if (!batch) {
      batches.set(key, (batch = { q, waiters: [] }));
      setImmediate(() => run(key));
    }
    batch.waiters.push({ part, resolve: (value) => resolve(value as PartResult<P>), reject });
  });
}

function run(key: string): void {
  const batch = batches.get(key);
  batches.delete(key);
  if (!batch) return;
  for (const group of [batch.waiters.filter((w) => !readsEvents(w.part)), batch.waiters.filter((w) => readsEvents(w.part))]) {
    if (group.length === 0) continue;
    getDashboardScan(batch.q, group.map((w) => w.part)).then(
      (values) => group.forEach((w, i) => w.resolve(values[i])),
      (error: unknown) => group.forEach((w) => w.reject(error)),
    );
  }
}
