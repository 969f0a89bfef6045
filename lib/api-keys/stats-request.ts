import { buildStatsQuery, safeParseStatsParams } from "@/lib/analytics/query";
import { DIMENSIONS, type StatsQuery } from "@/lib/analytics/types";
import { domainSchema } from "@/lib/sites/schemas";
import { getOwnedSiteByDomain, type Site } from "@/lib/sites/sites";
import { ApiError } from "./api-error";
import type { ApiKeyContext } from "./with-api-key";

// What every Stats API endpoint reads: site_id (the site's domain; it must belong to the key's
// owner — another user's site answers exactly like one that does not exist), the period and
// filters the dashboard uses, and the metrics to return. Unknown parameters are refused so a
// typo in a filter name cannot silently return unfiltered numbers.

const COMMON_PARAMS = ["site_id", "period", "date", "from", "to", "metrics", ...DIMENSIONS];

export type StatsRequest<M extends string> = { site: Site; query: StatsQuery; metrics: M[]; pageNumber?: string };

export async function readStatsRequest<M extends string>(
  ctx: ApiKeyContext,
  options: { metrics: readonly M[]; defaultMetric: M; extraParams?: readonly string[]; paged?: boolean },
): Promise<StatsRequest<M>> {
  const params = new URLSearchParams(ctx.url.searchParams);
  const pageNumber = options.paged ? takePageNumber(params) : undefined;
  const known = new Set([...COMMON_PARAMS, ...(options.extraParams ?? [])]);
  const unknown = [...params.keys()].find((key) => !known.has(key));
  if (unknown !== undefined) throw invalid(`Unknown parameter ${unknown}. Allowed: ${[...known].join(", ")}.`);

  const metrics = parseMetrics(params.get("metrics"), options.metrics, options.defaultMetric);
  const parsed = safeParseStatsParams(params);
  if (!parsed.ok) throw invalid(parsed.message);
  const site = await findSite(ctx.userId, params.get("site_id"));
  return { site, query: buildStatsQuery(site, parsed.params), metrics, pageNumber };
}

// "page" is both the page filter (a path, always starting with "/") and, on paged endpoints,
// the page number; a value that does not look like a path is the page number.
function takePageNumber(params: URLSearchParams): string | undefined {
  const values = params.getAll("page");
  const numbers = values.filter((v) => !v.startsWith("/"));
  if (numbers.length > 1) throw invalid("Give the page number only once.");
  params.delete("page");
  for (const v of values) if (v.startsWith("/")) params.append("page", v);
  return numbers[0];
}

async function findSite(userId: string, siteId: string | null): Promise<Site> {
  if (!siteId) throw invalid("site_id is required: the domain of your site, like example.com.");
  const domain = domainSchema.safeParse(siteId);
  const site = domain.success ? await getOwnedSiteByDomain(userId, domain.data) : null;
  if (!site) throw new ApiError(404, "site_not_found", `There is no site ${siteId} in your account.`);
  return site;
}

function parseMetrics<M extends string>(raw: string | null, allowed: readonly M[], fallback: M): M[] {
  if (raw === null || raw.trim() === "") return [fallback];
  const names = [...new Set(raw.split(",").map((m) => m.trim()).filter(Boolean))];
  const bad = names.find((name) => !(allowed as readonly string[]).includes(name));
  if (bad !== undefined) throw invalid(`Unknown metric ${bad}. Choose from: ${allowed.join(", ")}.`);
  return names as M[];
}

export function invalid(message: string): ApiError {
  return new ApiError(400, "invalid_request", message);
}
