import { NextResponse, type NextRequest } from "next/server";
import { confirmEmailChange } from "@/lib/account/change-email";
import { toAppUrl } from "@/lib/http/app-url";
import { escapeHtml } from "@/lib/http/escape-html";

// GET /settings/email/confirm?token=… — the link sent to a new address switches the account over.
export async function GET(request: NextRequest): Promise<Response> {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  if (token.length < 20 || token.length > 200) return errorPage("This confirmation link is incomplete. Open it from the e-mail again.");
  const result = await confirmEmailChange(token);
  if (!result.ok) return errorPage(result.message);
  return NextResponse.redirect(toAppUrl("/settings?emailChanged=1"), 303);
}

function errorPage(message: string): Response {
  return new Response(
    `<!doctype html><meta charset="utf-8"><title>Link cannot be used · MiniStat</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>This link cannot be used</h1><p>${escapeHtml(message)}</p><p><a href="/settings">Go to Settings</a></p></body>`,
    { status: 400, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}
