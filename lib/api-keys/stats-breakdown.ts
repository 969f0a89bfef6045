import { z } from "zod";
import { getBreakdown, MAX_BREAKDOWN_LIMIT } from "@/lib/analytics/query";
import { DIMENSIONS, type BreakdownRow } from "@/lib/analytics/types";
import { jsonResponse } from "./api-error";
import { invalid, readStatsRequest } from "./stats-request";
import type { ApiKeyContext } from "./with-api-key";

// Stats API: the values of one dimension (property) with their metrics, most visitors first,
// paged with limit and page (page=2 is a page number, page=/pricing the page filter).

export const BREAKDOWN_METRICS = {
  visitors: "visitors",
  visits: "visits",
  pageviews: "pageviews",
  bounce_rate: "bounceRate",
  visit_duration: "visitDuration",
  events: "events",
} as const satisfies Record<string, keyof Omit<BreakdownRow, "value">>;

type BreakdownMetric = keyof typeof BREAKDOWN_METRICS;
const NAMES = Object.keys(BREAKDOWN_METRICS) as BreakdownMetric[];

const pagingSchema = z.object({
  property: z.enum(DIMENSIONS, { error: `property is required, one of: ${DIMENSIONS.join(", ")}.` }),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(MAX_BREAKDOWN_LIMIT, `limit can be at most ${MAX_BREAKDOWN_LIMIT}.`)
    .default(100),
  page: z.coerce.number({ error: "page must be a number." }).int("page must be a whole number.").min(1, "page starts at 1.").max(100_000).default(1),
  search: z.string().max(200, "search can be at most 200 characters.").optional(),
});

export async function handleBreakdown(ctx: ApiKeyContext): Promise<Response> {
  const { site, query, metrics, pageNumber } = await readStatsRequest(ctx, {
    metrics: NAMES,
    defaultMetric: "visitors",
    extraParams: ["property", "limit", "search"],
    paged: true,
  });
  const search = ctx.url.searchParams;
  const paging = pagingSchema.safeParse({
    property: search.get("property") ?? undefined,
    limit: search.get("limit") ?? undefined,
    page: pageNumber,
    search: search.get("search") ?? undefined,
  });
  if (!paging.success) throw invalid(paging.error.issues.map((i) => i.message).join(" "));
  const { property, limit, page } = paging.data;
  const rows = await getBreakdown(query, property, { limit, offset: (page - 1) * limit, search: paging.data.search });
  const results = rows.map((row) => {
    const out: Record<string, string | number> = { [property]: row.value };
    for (const name of metrics) out[name] = row[BREAKDOWN_METRICS[name]];
    return out;
  });
  return jsonResponse({ site_id: site.domain, period: { from: query.range.from, to: query.range.to }, property, page, limit, results });
}
