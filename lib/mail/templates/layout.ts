import { escapeHtml } from "@/lib/http/escape-html";

// A plain, trustworthy e-mail layout: no images, no tracking pixels, no remote assets.

export function renderHtml(options: { heading: string; paragraphs: string[]; button?: { label: string; url: string }; footer: string }): string {
  const { heading, paragraphs, button, footer } = options;
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`).join("");
  const action = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.url)}" style="background:#2a55d9;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(button.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#64748b;line-height:1.5">If the button does not work, paste this address into your browser:<br><span style="word-break:break-all">${escapeHtml(button.url)}</span></p>`
    : "";
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-weight:700;font-size:18px">MiniStat</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>${body}${action}
</div>
<p style="max-width:520px;margin:16px auto 0;font-size:12px;color:#64748b;line-height:1.5">${escapeHtml(footer)}</p>
</body></html>`;
}
