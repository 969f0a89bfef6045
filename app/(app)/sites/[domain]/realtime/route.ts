import { getRealtimeVisitors } from "@/components/dashboard/stats-source";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { unlockedOwnedSiteOrError } from "../owned-site";

// GET /sites/[domain]/realtime — { visitors } in the last 5 minutes, polled by the dashboard.
export const GET = withReadErrors(async (_request: Request, { params }: { params: Promise<{ domain: string }> }): Promise<Response> => {
  const owned = await unlockedOwnedSiteOrError((await params).domain);
  if (owned instanceof Response) return owned;
  const visitors = await getRealtimeVisitors(owned.site.id);
  return Response.json({ visitors }, { headers: { "cache-control": "no-store" } });
});
