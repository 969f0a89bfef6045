import { describeUnsubscribe, unsubscribeFromReport, type UnsubscribeLookup } from "@/lib/reports/unsubscribe";
import { linkPageResponse, tokenParam } from "../../report-link-page";

// GET  /reports/unsubscribe/[token] — what the link does, with an "Unsubscribe" button; changes nothing
//      (mail scanners open links).
// POST /reports/unsubscribe/[token] — unsubscribes: the page's button, or the mail client's
//      one-click unsubscribe (RFC 8058: body "List-Unsubscribe=One-Click"). 200 also when it
//      was already done. No session: the signed token is the permission.

type Context = { params: Promise<{ token: string }> };

const INVALID = {
  status: 404,
  title: "This unsubscribe link does not work",
  paragraphs: ["The link is incomplete or was changed. Open it from the report e-mail again, or ask the site's owner to remove your address."],
};

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const token = tokenParam((await params).token);
  const found = await describeUnsubscribe(token);
  if (found.status === "invalid") return linkPageResponse(INVALID);
  if (found.status === "gone") return linkPageResponse({ status: 410, title: "You are already unsubscribed", paragraphs: ["This address no longer receives this report."] });
  return linkPageResponse({
    status: 200,
    title: `Unsubscribe from the ${found.frequency} report?`,
    paragraphs: [`You will no longer receive the ${found.frequency} report for ${found.domain}.`],
    form: { action: `/reports/unsubscribe/${encodeURIComponent(token)}`, button: "Unsubscribe", fields: { "List-Unsubscribe": "One-Click" } },
  });
}

export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const found: UnsubscribeLookup = await unsubscribeFromReport(tokenParam((await params).token));
  if (found.status === "invalid") return linkPageResponse(INVALID);
  const what = found.status === "active" ? `the ${found.frequency} report for ${found.domain}` : "this report";
  return linkPageResponse({ status: 200, title: "You are unsubscribed", paragraphs: [`You will no longer receive ${what}.`] });
}
