import { getTimeseries } from "@/lib/analytics/query";
import { jsonResponse } from "./api-error";
import { AGGREGATE_METRICS } from "./stats-aggregate";
import { readStatsRequest } from "./stats-request";
import type { ApiKeyContext } from "./with-api-key";

// Stats API: one point per hour (single day), day (up to ~3 months) or month, zeros included.

type TimeseriesMetric = keyof typeof AGGREGATE_METRICS;
const NAMES = Object.keys(AGGREGATE_METRICS) as TimeseriesMetric[];

export async function handleTimeseries(ctx: ApiKeyContext): Promise<Response> {
  const { site, query, metrics } = await readStatsRequest(ctx, { metrics: NAMES, defaultMetric: "visitors" });
  const points = await getTimeseries(query);
  const results = points.map((point) => {
    const row: Record<string, string | number> = { date: point.bucket };
    for (const name of metrics) row[name] = point[AGGREGATE_METRICS[name]];
    return row;
  });
  return jsonResponse({ site_id: site.domain, period: { from: query.range.from, to: query.range.to }, interval: query.range.interval, results });
}
