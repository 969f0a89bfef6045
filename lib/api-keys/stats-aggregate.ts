import { getTopStats } from "@/lib/analytics/query";
import type { Metric } from "@/lib/analytics/types";
import { jsonResponse } from "./api-error";
import { readStatsRequest } from "./stats-request";
import type { ApiKeyContext } from "./with-api-key";

// Stats API: totals of the period, each with the previous period of the same length and the
// change against it (percent; for bounce_rate, percentage points; null with nothing to compare).

export const AGGREGATE_METRICS = {
  visitors: "visitors",
  visits: "visits",
  pageviews: "pageviews",
  views_per_visit: "viewsPerVisit",
  bounce_rate: "bounceRate",
  visit_duration: "visitDuration",
} as const satisfies Record<string, Metric>;

type AggregateMetric = keyof typeof AGGREGATE_METRICS;
const NAMES = Object.keys(AGGREGATE_METRICS) as AggregateMetric[];

export async function handleAggregate(ctx: ApiKeyContext): Promise<Response> {
  const { site, query, metrics } = await readStatsRequest(ctx, { metrics: NAMES, defaultMetric: "visitors" });
  const stats = await getTopStats(query);
  const results: Record<string, { value: number; previous: number; change: number | null }> = {};
  for (const name of metrics) {
    const key = AGGREGATE_METRICS[name];
    const value = stats.current[key];
    const previous = stats.previous[key];
    results[name] = { value, previous, change: change(name, value, previous, stats.previous.visits) };
  }
  return jsonResponse({
    site_id: site.domain,
    period: { from: query.range.from, to: query.range.to },
    previous_period: { from: stats.previousRange.from, to: stats.previousRange.to },
    results,
  });
}

/** Null where there is nothing to compare with (as the dashboard's "new"): a previous value of 0, or for bounce_rate no previous visits. */
function change(name: AggregateMetric, value: number, previous: number, previousVisits: number): number | null {
  if (name === "bounce_rate") return previousVisits === 0 ? null : Math.round((value - previous) * 10) / 10;
  if (previous === 0) return value === 0 ? 0 : null;
  return Math.round(((value - previous) / previous) * 100);
}
