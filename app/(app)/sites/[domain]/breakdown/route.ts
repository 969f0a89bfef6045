import type { NextRequest } from "next/server";
import { breakdownPageResponse } from "@/lib/analytics/query/breakdown-page-response";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { unlockedOwnedSiteOrError } from "../owned-site";

// GET /sites/[domain]/breakdown?dimension=page&limit=20&offset=0&search=…&<view> — rows for the Details modal.
export const GET = withReadErrors(async (request: NextRequest, { params }: { params: Promise<{ domain: string }> }): Promise<Response> => {
  const owned = await unlockedOwnedSiteOrError((await params).domain);
  if (owned instanceof Response) return owned;
  return breakdownPageResponse(owned.site, request.nextUrl);
});
