// The new text of an e-mailed reply: the plain-text part (or the HTML part turned into text),
// without the quoted history mail programs add below it — where that is simple to see: an
// "On <date>, <someone> wrote:" line (also across two lines, and in a few languages), an
// Outlook "-----Original Message-----" or "From: … / Sent: …" block, and lines quoted with ">".
// Anything cleverer is left to the reader: staff see the rest of the text as it came.

/** Only the start of very large parts is looked at (the stored message is bounded anyway). */
const MAX_SCANNED_CHARS = 200_000;

// German names the writer after the verb ("Am …, um … schrieb Name <a@b>:").
const WROTE = /((wrote|a écrit|escribió|schreef|ha scritto|napisał)\s*|\bschrieb\b.*):\s*$/i;
const ATTRIBUTION_START = /^(on|am|le|el|op|il|w dniu)\s/i;

export function htmlToText(html: string): string {
  return html
    .slice(0, MAX_SCANNED_CHARS)
    .replace(/<(style|script|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<blockquote\b[^>]*>[\s\S]*?<\/blockquote\s*>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d{1,6});/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&amp;/gi, "&");
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

export function stripQuotedHistory(text: string): string {
  const lines = text.slice(0, MAX_SCANNED_CHARS).replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = lines[i + 1]?.trim() ?? "";
    if (/^-{2,}\s*original message\s*-{2,}$/i.test(line)) break;
    if (ATTRIBUTION_START.test(line) && (WROTE.test(line) || WROTE.test(next))) break;
    if (/^from:\s/i.test(line) && /^(sent|date):\s/i.test(next)) break;
    if (line.startsWith(">")) continue;
    kept.push(lines[i]!.trimEnd());
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** The reply's own text: stripped of the quoted history, or the whole text when nothing else is left. */
export function replyText(parts: { text?: string; html?: string }): string {
  const full = parts.text?.trim() ? parts.text : parts.html ? htmlToText(parts.html) : "";
  const stripped = stripQuotedHistory(full);
  return stripped || full.slice(0, MAX_SCANNED_CHARS).trim();
}
