import { formatExact, formatMetric, formatRange, percentChange } from "@/lib/analytics/format";
import { METRIC_LABELS } from "@/lib/analytics/labels";
import type { BreakdownRow, Metric } from "@/lib/analytics/types";
import { escapeHtml } from "@/lib/http/escape-html";
import type { ReportFigures } from "@/lib/reports/figures";
import type { DateSpan, ReportPeriod } from "@/lib/reports/periods";
import type { MailMessage } from "../types";

// The weekly / monthly report e-mail. HTML for mail clients: nested tables, inline styles, no
// images, web fonts, style sheets or remote resources of any kind, no tracking; the only links
// are the dashboard and the unsubscribe page. Numbers and labels are formatted by the
// dashboard's own helpers, so the e-mail reads like the page it links to. A plain-text part
// carries the same content, and List-Unsubscribe / List-Unsubscribe-Post (RFC 8058) let the
// mail client unsubscribe in one click.

export type ReportMailInput = {
  to: string;
  domain: string;
  /** The site's IANA time zone, in which the period's days are counted. */
  timezone: string;
  period: ReportPeriod;
  figures: ReportFigures;
  dashboardUrl: string;
  unsubscribeUrl: string;
};

export const REPORT_METRICS = ["visitors", "pageviews", "bounceRate", "visitDuration"] as const satisfies readonly Metric[];

const MAX_LABEL = 60;
const COLORS = { text: "#0f172a", muted: "#64748b", border: "#e2e8f0", page: "#f1f5f9", brand: "#2a55d9", up: "#047857", down: "#b91c1c" };
const FONT = "-apple-system,'Segoe UI',Helvetica,Arial,sans-serif";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function reportPeriodLabel(period: DateSpan & { frequency: ReportPeriod["frequency"] }): string {
  return period.frequency === "monthly" ? monthName(period.from) : formatRange(period.from, period.to);
}

function monthName(isoDate: string): string {
  return `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

export function renderReportMail(input: ReportMailInput): MailMessage {
  const { period, domain } = input;
  const kind = period.frequency === "weekly" ? "Weekly" : "Monthly";
  const label = reportPeriodLabel(period);
  const previousLabel = reportPeriodLabel({ ...period.previous, frequency: period.frequency });
  return {
    to: input.to,
    subject: `${kind} report for ${domain}: ${label}`,
    text: renderText(input, kind, label, previousLabel),
    html: renderReportHtml(input, kind, label, previousLabel),
    headers: { "List-Unsubscribe": `<${input.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

type Change = { text: string; color: string };

/** "↑ 12%" in green when the change is good (fewer bounces are good), "new" with nothing before. */
function describeChange(metric: Metric, current: number, previous: number): Change {
  const change = percentChange(current, previous);
  if (change === null) return { text: "new", color: COLORS.muted };
  if (change === 0) return { text: "no change", color: COLORS.muted };
  const up = change > 0;
  const good = metric === "bounceRate" ? !up : up;
  return { text: `${up ? "↑" : "↓"} ${Math.abs(change)}%`, color: good ? COLORS.up : COLORS.down };
}

/** Page paths and referrer names come from visitors: shortened, control characters removed. */
function cleanLabel(value: string): string {
  const plain = value.replace(/\p{Cc}/gu, " ").trim() || "(none)";
  return plain.length > MAX_LABEL ? `${plain.slice(0, MAX_LABEL - 1)}…` : plain;
}

function renderText(input: ReportMailInput, kind: string, label: string, previousLabel: string): string {
  const { current, previous, sources, pages } = input.figures;
  const lines = [`${kind} report for ${input.domain}`, `${label} (compared with ${previousLabel})`, ""];
  for (const metric of REPORT_METRICS) {
    const change = describeChange(metric, current[metric], previous[metric]);
    lines.push(`${METRIC_LABELS[metric]}: ${formatMetric(metric, current[metric], true)} (${change.text}; before: ${formatMetric(metric, previous[metric], true)})`);
  }
  const list = (title: string, rows: BreakdownRow[]) => {
    lines.push("", `${title} (visitors)`);
    if (rows.length === 0) lines.push("  none in this period");
    for (const row of rows) lines.push(`  ${cleanLabel(row.value)}: ${formatExact(row.visitors)}`);
  };
  list("Top sources", sources);
  list("Top pages", pages);
  lines.push("", `Open the dashboard: ${input.dashboardUrl}`, "", footerText(input), `Days are counted in the site's time zone, ${input.timezone}.`, `Unsubscribe: ${input.unsubscribeUrl}`, "", "— MiniStat", "");
  return lines.join("\n");
}

function footerText(input: ReportMailInput): string {
  const every = input.period.frequency === "weekly" ? "every Monday" : "on the 1st of every month";
  return `You receive this report for ${input.domain} ${every} because you subscribed to it. MiniStat reports contain no tracking.`;
}

function renderReportHtml(input: ReportMailInput, kind: string, label: string, previousLabel: string): string {
  const e = escapeHtml;
  const { current, previous } = input.figures;
  const cells = REPORT_METRICS.map((metric) => {
    const change = describeChange(metric, current[metric], previous[metric]);
    return `<td width="50%" valign="top" style="width:50%;padding:12px 8px 12px 0;border-top:1px solid ${COLORS.border}">
<div style="font-size:13px;color:${COLORS.muted}">${e(METRIC_LABELS[metric])}</div>
<div style="font-size:24px;font-weight:700;color:${COLORS.text};padding:2px 0" data-metric="${metric}">${e(formatMetric(metric, current[metric], true))}</div>
<div style="font-size:13px"><span style="color:${change.color};font-weight:600">${e(change.text)}</span> <span style="color:${COLORS.muted}">from ${e(formatMetric(metric, previous[metric], true))}</span></div>
</td>`;
  });
  const metricRows = [0, 2].map((i) => `<tr>${cells[i]}${cells[i + 1]}</tr>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${e(`${kind} report for ${input.domain}`)}</title></head>
<body style="margin:0;padding:0;background:${COLORS.page};font-family:${FONT};color:${COLORS.text}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background:#ffffff;border:1px solid ${COLORS.border};border-radius:8px">
<tr><td style="padding:28px 28px 8px;font-family:${FONT}">
<div style="font-size:16px;font-weight:700;color:${COLORS.brand}">MiniStat</div>
<h1 style="margin:16px 0 4px;font-size:20px;line-height:1.3;color:${COLORS.text}">${e(kind)} report for ${e(input.domain)}</h1>
<div style="font-size:14px;color:${COLORS.muted}">${e(label)} · compared with ${e(previousLabel)}</div>
</td></tr>
<tr><td style="padding:8px 28px 0;font-family:${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${metricRows}</table>
</td></tr>
${topTable("Top sources", "Source", input.figures.sources)}
${topTable("Top pages", "Page", input.figures.pages)}
<tr><td style="padding:24px 28px 28px;font-family:${FONT}">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="background:${COLORS.brand};border-radius:6px">
<a href="${e(input.dashboardUrl)}" style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:600;font-size:14px;text-decoration:none">Open the dashboard</a>
</td></tr></table>
</td></tr>
</table>
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px"><tr><td style="padding:16px 4px;font-size:12px;line-height:1.5;color:${COLORS.muted};font-family:${FONT}">
${e(footerText(input))} Days are counted in the site's time zone, ${e(input.timezone)}.<br>
<a href="${e(input.unsubscribeUrl)}" style="color:${COLORS.muted};text-decoration:underline">Unsubscribe from this report</a>
</td></tr></table>
</td></tr></table>
</body></html>`;
}

function topTable(title: string, column: string, rows: BreakdownRow[]): string {
  const e = escapeHtml;
  const body =
    rows.length === 0
      ? `<tr><td colspan="2" style="padding:8px 0;font-size:14px;color:${COLORS.muted}">None in this period.</td></tr>`
      : rows
          .map(
            (row) => `<tr><td style="padding:6px 8px 6px 0;font-size:14px;border-top:1px solid ${COLORS.border};word-break:break-all">${e(cleanLabel(row.value))}</td>
<td align="right" style="padding:6px 0;font-size:14px;border-top:1px solid ${COLORS.border};white-space:nowrap;font-weight:600">${e(formatExact(row.visitors))}</td></tr>`,
          )
          .join("");
  return `<tr><td style="padding:20px 28px 0;font-family:${FONT}">
<h2 style="margin:0 0 6px;font-size:15px;color:${COLORS.text}">${e(title)}</h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><th align="left" style="padding:0 0 4px;font-size:12px;font-weight:600;color:${COLORS.muted}">${e(column)}</th><th align="right" style="padding:0 0 4px;font-size:12px;font-weight:600;color:${COLORS.muted}">Visitors</th></tr>
${body}
</table>
</td></tr>`;
}
