import type { NextRequest } from "next/server";
import { breakdownPageResponse } from "@/lib/analytics/query/breakdown-page-response";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { sharedSiteOrError } from "../share-access";

// GET /share/[slug]/breakdown?dimension=…&<view> — rows for the shared dashboard's Details modal.
export const GET = withReadErrors(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
  const site = await sharedSiteOrError((await params).slug);
  if (site instanceof Response) return site;
  return breakdownPageResponse(site, request.nextUrl);
});
