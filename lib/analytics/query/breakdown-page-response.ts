import { z } from "zod";
import { buildStatsQuery } from "./build-stats-query";
import { getBreakdown } from "./stats";
import { safeParseStatsParams } from "./params";
import { DIMENSIONS } from "@/lib/analytics/types";

// One page of a breakdown as JSON (the dashboard's "Details" modal), for the owner's and the
// shared dashboard's route handlers alike (each checks access first). The URL carries the
// page (dimension, limit, offset, search) and the view (period and filters).

const pageSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  search: z.string().trim().max(200).optional(),
});

export async function breakdownPageResponse(site: { id: string; timezone: string }, url: URL): Promise<Response> {
  const raw = Object.fromEntries(url.searchParams);
  const parsed = pageSchema.safeParse(raw);
  if (!parsed.success) return error(400, "invalid_request", parsed.error.issues[0]?.message ?? "Invalid request.");
  const { dimension, limit, offset, search } = parsed.data;
  const statsParams: Record<string, string> = { ...raw };
  for (const key of ["dimension", "limit", "offset", "search"]) delete statsParams[key];
  const view = safeParseStatsParams(statsParams);
  if (!view.ok) return error(400, "invalid_request", view.message);
  const rows = await getBreakdown(buildStatsQuery(site, view.params), dimension, { limit: limit + 1, offset, search: search || undefined });
  return Response.json({ rows: rows.slice(0, limit), hasMore: rows.length > limit }, { headers: { "cache-control": "no-store" } });
}

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
