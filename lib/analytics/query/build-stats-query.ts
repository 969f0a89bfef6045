import type { StatsParams } from "./params";
import { resolveRange } from "./range";
import type { StatsQuery } from "@/lib/analytics/types";

// Parsed parameters + the site (already owner-checked by the caller) → the query the
// functions in this folder take.

export function buildStatsQuery(site: { id: string; timezone: string }, params: StatsParams, now = new Date()): StatsQuery {
  return { site: { id: site.id, timezone: site.timezone }, range: resolveRange(params, site.timezone, now), filters: params.filters };
}
