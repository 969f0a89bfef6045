import { anotherSample, type LoadPlan } from "./budget";
import { timedGet } from "./http-timing";
import { max, quantile, round1 } from "./stats";

// The dashboard as a signed-in owner loads it: the page is one server-rendered request
// (every panel streams into the same response), then the browser polls the realtime
// count; and the Stats API as a script with a key asks it. Each is timed to the last byte
// over up to `loads` loads after one warm-up load (fewer for a very slow view, see budget.ts).

export type ViewTiming = {
  view: string;
  path: string;
  p50Ms: number;
  maxMs: number;
  /** The warm-up load (first render of this view: cold caches, plans not yet cached). */
  firstMs: number;
  /** Measured loads; fewer than asked when the view used up its time budget or failed. */
  loads: number;
  /** A load failed: no complete answer, a status other than 200, or a page with a failed panel. */
  failed: boolean;
  statuses: Record<string, number>;
  bytes: number;
};

// Longer than the server's statement timeout (database.ts) plus some queueing for a pool
// connection, so a query that runs away shows as a failed panel rather than as a hang.
const PAGE_TIMEOUT_MS = 90_000;

export async function timeView(base: string, view: string, path: string, headers: Record<string, string>, plan: LoadPlan, problem: (body: string) => string | null): Promise<ViewTiming> {
  const started = performance.now();
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  let bytes = 0;
  const load = async () => {
    try {
      const r = await timedGet(base + path, headers, PAGE_TIMEOUT_MS);
      // A redirect to /login or a page without its panels would be fast and meaningless.
      const wrong = r.status === 200 ? problem(r.body) : null;
      const key = wrong ? `200 (${wrong})` : String(r.status);
      bytes = r.bytes;
      return { ms: r.ms, key };
    } catch (error) {
      return { ms: Number.NaN, key: error instanceof Error && error.message.startsWith("no complete answer") ? "timeout" : "error" };
    }
  };
  const first = await load();
  if (first.key !== "200") statuses[`${first.key} (warm-up)`] = 1;
  // A view that failed once is not asked again: it would fail again, as slowly.
  let failed = first.key !== "200";
  while (!failed && anotherSample(times.length, started, first.ms, plan)) {
    const r = await load();
    statuses[r.key] = (statuses[r.key] ?? 0) + 1;
    failed = r.key !== "200";
    if (!Number.isNaN(r.ms)) times.push(r.ms);
  }
  // Only the warm-up fitted in the budget: it is the one sample there is.
  const samples = times.length > 0 ? times : [first.ms];
  return { view, path, p50Ms: round1(quantile(samples, 0.5)), maxMs: round1(max(samples)), firstMs: round1(first.ms), loads: times.length, failed, statuses, bytes };
}
