import { escapeHtml } from "@/lib/http/escape-html";

// The small pages behind the links in report e-mails (unsubscribe, confirm): plain HTML from a
// route handler, because one URL must both show a page (GET) and act (POST, RFC 8058), and a
// Next.js page cannot answer a POST. No session, no cookie, no script, nothing remote; not
// cached and not indexed (the URL holds a token).

export type LinkPage = {
  status: number;
  title: string;
  paragraphs: string[];
  /** A button that POSTs the form to `action` (this same URL). */
  form?: { action: string; button: string; fields?: Record<string, string> };
};

export function linkPageResponse(page: LinkPage): Response {
  const e = escapeHtml;
  const body = page.paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${e(p)}</p>`).join("");
  const form = page.form
    ? `<form method="post" action="${e(page.form.action)}" style="margin:24px 0 0">${Object.entries(page.form.fields ?? {})
        .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
        .join("")}<button type="submit" style="background:#2a55d9;color:#ffffff;border:0;border-radius:8px;padding:12px 20px;font:inherit;font-weight:600;cursor:pointer">${e(page.form.button)}</button></form>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(page.title)} · MiniStat</title></head>
<body style="margin:0;padding:24px 16px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#0f172a">
<main style="max-width:32rem;margin:3rem auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:32px">
<p style="margin:0 0 24px;font-weight:700;font-size:18px"><a href="/" style="color:#0f172a;text-decoration:none">MiniStat</a></p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${e(page.title)}</h1>${body}${form}
</main></body></html>`;
  return new Response(html, {
    status: page.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer" },
  });
}

/** The token from the URL, or "" when it cannot be one (too long, undecodable). */
export function tokenParam(raw: string): string {
  if (raw.length > 300) return "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}
