import type { StatsQuery } from "@/lib/analytics/types";
import { buildStatsQuery, safeParseStatsParams, type RawSearchParams } from "./stats-source";
import type { ViewParams } from "./view-params";

// Search params → the view (for links) and the query (for the lib). Bad input comes back as a
// message for the page to show, never as a crash.

export type { RawSearchParams };
export type Site = { id: string; domain: string; timezone: string };

export type BuiltView = { ok: true; view: ViewParams; query: StatsQuery } | { ok: false; message: string };

export function buildView(site: Site, searchParams: RawSearchParams): BuiltView {
  const parsed = safeParseStatsParams(searchParams);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, view: parsed.params, query: buildStatsQuery(site, parsed.params) };
}
