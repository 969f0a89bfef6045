import type { NextRequest } from "next/server";
import { detailsResponse } from "@/components/dashboard/details-endpoint";
import { sharedSiteOrError } from "../share-access";

// GET /share/[slug]/breakdown?dimension=…&<view> — rows for the shared dashboard's Details modal.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const site = await sharedSiteOrError((await params).slug);
  if (site instanceof Response) return site;
  return detailsResponse(site, request.nextUrl);
}
