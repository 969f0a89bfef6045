import { confirmReportSubscription, describeConfirmation, type ConfirmationLookup } from "@/lib/reports/confirmation";
import { linkPageResponse, tokenParam, type LinkPage } from "../../report-link-page";

// GET  /reports/confirm/[token] — what the link confirms, with a "Confirm" button; changes nothing
//      (mail scanners open links, and a scanner must not subscribe anyone).
// POST /reports/confirm/[token] — confirms the address the site's owner added. No session.

type Context = { params: Promise<{ token: string }> };

function failure(result: Extract<ConfirmationLookup, { ok: false }>): LinkPage {
  return result.reason === "expired"
    ? { status: 410, title: "This confirmation link has expired", paragraphs: ["Nothing will be sent to you. If you want the reports, ask the site's owner to add your address again."] }
    : { status: 404, title: "This confirmation link does not work", paragraphs: ["It is incomplete, or it was already used. If you confirmed already, you are subscribed; every report has a link to unsubscribe."] };
}

const schedule = (frequency: "weekly" | "monthly") => (frequency === "weekly" ? "every Monday" : "on the 1st of every month");

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const token = tokenParam((await params).token);
  const found = await describeConfirmation(token);
  if (!found.ok) return linkPageResponse(failure(found));
  return linkPageResponse({
    status: 200,
    title: `Receive the ${found.frequency} report for ${found.domain}?`,
    paragraphs: [`The site's owner added this address. Confirm, and the report arrives ${schedule(found.frequency)}. Each report has a link to unsubscribe.`],
    form: { action: `/reports/confirm/${encodeURIComponent(token)}`, button: "Confirm the subscription" },
  });
}

export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const result = await confirmReportSubscription(tokenParam((await params).token));
  if (!result.ok) return linkPageResponse(failure(result));
  return linkPageResponse({
    status: 200,
    title: "Subscription confirmed",
    paragraphs: [`You will receive the ${result.frequency} report for ${result.domain} ${schedule(result.frequency)}, starting with the next one.`],
  });
}
