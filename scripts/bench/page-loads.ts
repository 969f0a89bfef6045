import { max, quantile, round1 } from "./stats";
import { timedGet } from "./http-timing";

// The dashboard as a signed-in owner loads it: the page is one server-rendered request
// (every panel streams into the same response), then the browser polls the realtime
// count. Each is timed to the last byte over `loads` loads after one warm-up load.

export type ViewTiming = {
  view: string;
  path: string;
  p50Ms: number;
  maxMs: number;
  /** The warm-up load (first render of this view: cold caches, plans not yet cached). */
  firstMs: number;
  statuses: Record<string, number>;
  bytes: number;
};

export async function timeView(base: string, view: string, path: string, cookie: string, loads: number, expect: (body: string) => boolean): Promise<ViewTiming> {
  const first = await timedGet(base + path, cookie);
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  let bytes = first.bytes;
  for (let i = 0; i < loads; i++) {
    const r = await timedGet(base + path, cookie);
    // A redirect to /login or a page without the site would be fast and meaningless.
    const key = r.status === 200 && !expect(r.body) ? "200 (unexpected body)" : String(r.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    times.push(r.ms);
    bytes = r.bytes;
  }
  return { view, path, p50Ms: round1(quantile(times, 0.5)), maxMs: round1(max(times)), firstMs: round1(first.ms), statuses, bytes };
}
