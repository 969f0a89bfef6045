import { hasAnyEvent } from "@/components/dashboard/stats-source";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { ownedSiteOrError } from "../owned-site";

// GET /sites/[domain]/status — { hasEvents } for the setup page's "waiting for the first pageview".
export const GET = withReadErrors(async (_request: Request, { params }: { params: Promise<{ domain: string }> }): Promise<Response> => {
  const owned = await ownedSiteOrError((await params).domain);
  if (owned instanceof Response) return owned;
  const hasEvents = await hasAnyEvent(owned.site.id);
  return Response.json({ hasEvents }, { headers: { "cache-control": "no-store" } });
});
