import { describe, expect, it } from "vitest";
import type { BreakdownRow, Metrics } from "@/lib/analytics/types";
import { renderReportMail, reportPeriodLabel, type ReportMailInput } from "./report";

const metrics = (m: Partial<Metrics>): Metrics => ({ visitors: 0, visits: 0, pageviews: 0, viewsPerVisit: 0, bounceRate: 0, visitDuration: 0, ...m });
const row = (value: string, visitors: number): BreakdownRow => ({ value, visitors, visits: visitors, pageviews: visitors, bounceRate: 0, visitDuration: 0, events: 0 });

const input = (overrides: Partial<ReportMailInput> = {}): ReportMailInput => ({
  to: "owner@example.com",
  domain: "example.com",
  timezone: "Europe/Berlin",
  period: { frequency: "weekly", from: "2026-04-06", to: "2026-04-12", previous: { from: "2026-03-30", to: "2026-04-05" } },
  figures: {
    current: metrics({ visitors: 1234, pageviews: 5000, bounceRate: 40, visitDuration: 95 }),
    previous: metrics({ visitors: 1000, pageviews: 5000, bounceRate: 50, visitDuration: 0 }),
    sources: [row("Google", 700), row('<script>alert("x")</script>', 3)],
    pages: [row(`/${"a".repeat(100)}`, 9), row("/line\nbreak", 2)],
  },
  dashboardUrl: "https://ministat.example/sites/example.com?period=custom&from=2026-04-06&to=2026-04-12",
  unsubscribeUrl: "https://ministat.example/reports/unsubscribe/abc.def",
  ...overrides,
});

describe("renderReportMail", () => {
  it("names the site and the local period in the subject, and asks for one-click unsubscribe", () => {
    const mail = renderReportMail(input());
    expect(mail.subject).toBe("Weekly report for example.com: 6 Apr – 12 Apr 2026");
    expect(mail.headers).toEqual({ "List-Unsubscribe": "<https://ministat.example/reports/unsubscribe/abc.def>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const monthly = renderReportMail(input({ period: { frequency: "monthly", from: "2026-03-01", to: "2026-03-31", previous: { from: "2026-02-01", to: "2026-02-28" } } }));
    expect(monthly.subject).toBe("Monthly report for example.com: March 2026");
    expect(monthly.text).toContain("March 2026 (compared with February 2026)");
  });

  it("gives the change against the period before, with fewer bounces counted as good", () => {
    const { text, html } = renderReportMail(input());
    expect(text).toContain("Unique visitors: 1,234 (↑ 23%; before: 1,000)");
    expect(text).toContain("Total pageviews: 5,000 (no change; before: 5,000)");
    expect(text).toContain("Bounce rate: 40% (↓ 20%; before: 50%)");
    expect(text).toContain("Visit duration: 1m 35s (new; before: 0s)");
    expect(html).toMatch(/color:#047857;font-weight:600">↓ 20%/); // green: the bounce rate went down
  });

  it("escapes and shortens what visitors control (referrers, paths) and keeps the text part on its lines", () => {
    const { text, html } = renderReportMail(input());
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain(`/${"a".repeat(58)}…`);
    expect(text).toContain("  /line break: 2\n");
  });

  it("lists the dashboard and unsubscribe links and nothing remote", () => {
    const { text, html } = renderReportMail(input());
    expect(text).toContain("Open the dashboard: https://ministat.example/sites/example.com?period=custom&from=2026-04-06&to=2026-04-12");
    expect(text).toContain("Unsubscribe: https://ministat.example/reports/unsubscribe/abc.def");
    expect([...html.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0])).toEqual([
      "https://ministat.example/sites/example.com?period=custom&amp;from=2026-04-06&amp;to=2026-04-12",
      "https://ministat.example/reports/unsubscribe/abc.def",
    ]);
  });

  it("says so when a period had no sources or pages", () => {
    const empty = renderReportMail(input({ figures: { current: metrics({}), previous: metrics({}), sources: [], pages: [] } }));
    expect(empty.text).toContain("Top sources (visitors)\n  none in this period");
    expect(empty.html).toContain("None in this period.");
  });
});

describe("reportPeriodLabel", () => {
  it("spans years when a week does", () => {
    expect(reportPeriodLabel({ frequency: "weekly", from: "2025-12-29", to: "2026-01-04" })).toBe("29 Dec 2025 – 4 Jan 2026");
  });
});
