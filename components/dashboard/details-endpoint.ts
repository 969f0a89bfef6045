import { z } from "zod";
import { DIMENSIONS } from "@/lib/analytics/query/types";
import { buildView, type Site } from "./build-view";
import { getBreakdown } from "./stats-source";

// The "Details" modal's data: one page of a breakdown, for the owner's and the shared
// dashboard's route handlers alike (each checks access first).

const detailsSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  search: z.string().trim().max(200).optional(),
});

export async function detailsResponse(site: Site, url: URL): Promise<Response> {
  const raw = Object.fromEntries(url.searchParams);
  const parsed = detailsSchema.safeParse(raw);
  if (!parsed.success) return error(400, "invalid_request", parsed.error.issues[0]?.message ?? "Invalid request.");
  const { dimension, limit, offset, search } = parsed.data;
  const statsParams: Record<string, string> = { ...raw };
  for (const key of ["dimension", "limit", "offset", "search"]) delete statsParams[key];
  const built = buildView(site, statsParams);
  if (!built.ok) return error(400, "invalid_request", built.message);
  const rows = await getBreakdown(built.query, dimension, { limit: limit + 1, offset, search: search || undefined });
  return Response.json({ rows: rows.slice(0, limit), hasMore: rows.length > limit }, { headers: { "cache-control": "no-store" } });
}

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
