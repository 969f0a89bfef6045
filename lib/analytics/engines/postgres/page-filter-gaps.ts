import { readQuery } from "@/lib/analytics/query/read-query";
import { singleVisitFilter } from "@/lib/analytics/query/source";
import { PAGE_FILTER_GAP_IN } from "@/lib/analytics/rollups/filter-rows-sql";
import type { StatsQuery } from "@/lib/analytics/types";
import { getRequestContext, type RequestContext } from "@/lib/server/request-context";

// A view filtered by one page reads daily_filter_stats, except over a day the refresher left
// without page filter rows (page_filter_gaps: visits of hundreds of paths that day): then the
// whole view reads raw visits and events, as a view with any other filter does. One look-up
// per view and range; the parts of a view that one request asks for together share it, so
// that they still meet in one scan (scan-batcher.ts).

const shared = new WeakMap<RequestContext, Map<string, Promise<boolean>>>();

function hasGap(siteId: string, from: string, to: string): Promise<boolean> {
  const look = () => readQuery<{ gap: boolean }>(PAGE_FILTER_GAP_IN, [siteId, from, to], { site: siteId }).then((r) => r.rows[0]?.gap ?? false);
  const context = getRequestContext();
  if (!context) return look();
  let known = shared.get(context);
  if (!known) shared.set(context, (known = new Map()));
  const key = `${siteId}|${from}|${to}`;
  let gap = known.get(key);
  if (!gap) known.set(key, (gap = look()));
  return gap;
}

/** `q` itself, or `q` read raw when a page filter's rows are missing on a day of `range`. */
export async function withPageFilterRows(q: StatsQuery, range: { from: string; to: string } = q.range): Promise<StatsQuery> {
  if (singleVisitFilter(q)?.dimension !== "page") return q;
  return (await hasGap(q.site.id, range.from, range.to)) ? { ...q, source: "raw" } : q;
}
