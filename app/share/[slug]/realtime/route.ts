import { getRealtimeVisitors } from "@/components/dashboard/stats-source";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { sharedSiteOrError } from "../share-access";

// GET /share/[slug]/realtime — { visitors } in the last 5 minutes, for the shared dashboard.
export const GET = withReadErrors(async (_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
  const site = await sharedSiteOrError((await params).slug);
  if (site instanceof Response) return site;
  return Response.json({ visitors: await getRealtimeVisitors(site.id) }, { headers: { "cache-control": "no-store" } });
});
