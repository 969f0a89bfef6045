import type { NextRequest } from "next/server";
import { buildView } from "@/components/dashboard/build-view";
import { buildCsvZip, exportFileName } from "@/lib/analytics/export/build-csv-zip";
import { collectExportData } from "@/lib/analytics/export/collect-export-data";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { listGoals } from "@/lib/sites/goals";
import { jsonError, unlockedOwnedSiteOrError } from "../owned-site";

// GET /sites/[domain]/export?<view> — a zip of one CSV per dashboard panel, for the current
// period and filters (owner only).
export const GET = withReadErrors(async (request: NextRequest, { params }: { params: Promise<{ domain: string }> }): Promise<Response> => {
  const owned = await unlockedOwnedSiteOrError((await params).domain);
  if (owned instanceof Response) return owned;
  const built = buildView(owned.site, Object.fromEntries(request.nextUrl.searchParams));
  if (!built.ok) return jsonError(400, "invalid_request", built.message);
  const data = await collectExportData(built.query, await listGoals(owned.site.id));
  const zip = buildCsvZip(data);
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${exportFileName(owned.site.domain, built.query.range)}"`,
      "cache-control": "no-store",
    },
  });
});
