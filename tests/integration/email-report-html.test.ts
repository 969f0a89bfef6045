import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertVisit, rebuildSiteStats } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { getAppUrl } from "@/lib/config/env";
import { decryptJson } from "@/lib/crypto/field-encryption";
import { closePool, getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import type { MailMessage } from "@/lib/mail/types";
import { sendDueReports } from "@/lib/reports/send-reports";
import { setOwnReport } from "@/lib/reports/subscriptions";

// A real report (the sender's own pass, stored in the local outbox: no Mailjet keys here) opened
// in Chromium: the figures are visible, it fits a phone, and it loads nothing from anywhere —
// every request the page would make is recorded and refused. Screenshots go to
// test-results/email-reports/ (gitignored, like Playwright's own output).

const SCREENSHOTS = path.resolve("test-results/email-reports");
const OWNER = `owner-html-${Date.now()}@example.com`;
const DOMAIN = `report-html-${Date.now()}.example`;

let browser: Browser;
let message: MailMessage;
let userId = "";

beforeAll(async () => {
  const site = await createSyntheticSite(getPool(), { domain: DOMAIN, timezone: "Europe/Berlin" });
  userId = site.userId;
  const sources = ["Google", "Google", "Google", "news.ycombinator.com", "news.ycombinator.com", "Newsletter", "Direct / None", "a-very-long-referrer-name-that-goes-on-and-on.example.com"];
  const paths = ["/", "/pricing", "/blog/how-we-count-visitors-without-cookies-and-why-it-matters-for-everyone", "/docs", "/", "/", "/signup", "/pricing"];
  await Promise.all(
    sources.map((source, i) =>
      insertVisit(site.siteId, {
        id: i + 1,
        visitor: i + 1,
        pages: [{ path: paths[i]!, at: `2026-06-0${2 + (i % 5)}T09:0${i}:00Z` }, ...(i % 2 ? [{ path: "/pricing", at: `2026-06-0${2 + (i % 5)}T09:0${i}:50Z` }] : [])],
        attrs: { source },
      }),
    ),
  );
  await insertVisit(site.siteId, { id: 100, visitor: 100, pages: [{ path: "/", at: "2026-05-27T10:00:00Z" }] });
  await rebuildSiteStats(site.siteId);
  await setOwnReport({ id: userId, email: OWNER }, site.siteId, "weekly", true, new Date("2026-05-20T00:00:00Z"));
  expect(await sendDueReports(new Date("2026-06-08T08:00:00Z"))).toMatchObject({ sent: 1, failed: 0 });
  const mail = await prisma.mail.findFirstOrThrow({ where: { userId, kind: "report" } });
  message = decryptJson<MailMessage>(mail.payload);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await prisma.user.deleteMany({ where: { id: userId } });
  await closePool();
});

async function openReport(width: number) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.route("**/*", (route) => route.abort());
  await page.setContent(message.html, { waitUntil: "load" });
  return { page, requests };
}

describe("the report e-mail's HTML", () => {
  it("shows the figures, links only to the dashboard and the unsubscribe page, and loads nothing", async ({ annotate }) => {
    expect(message.subject).toBe(`Weekly report for ${DOMAIN}: 1 Jun – 7 Jun 2026`);
    const { page, requests } = await openReport(800);
    const metric = (name: string) => page.locator(`[data-metric="${name}"]`);
    expect(await metric("visitors").innerText()).toBe("8");
    expect(await metric("bounceRate").innerText()).toBe("50%");
    for (const name of ["visitors", "pageviews", "bounceRate", "visitDuration"]) expect(await metric(name).isVisible()).toBe(true);
    for (const text of ["Unique visitors", "Total pageviews", "Bounce rate", "Visit duration", "Top sources", "Top pages", "Google", "news.ycombinator.com", "/pricing"]) {
      expect(await page.getByText(text, { exact: true }).first().isVisible(), text).toBe(true);
    }
    expect(await page.getByText("↑ 700%").isVisible(), "the change against the week before").toBe(true);

    const links = await page.locator("a").evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute("href") })));
    expect(links).toEqual([
      { text: "Open the dashboard", href: `${getAppUrl()}/sites/${DOMAIN}?period=custom&from=2026-06-01&to=2026-06-07` },
      { text: "Unsubscribe from this report", href: message.headers?.["List-Unsubscribe"]?.slice(1, -1) },
    ]);
    expect(message.html).not.toMatch(/<(img|link|script|iframe|object|video|audio|style)\b|url\(|@import|@font-face/i);

    const file = path.join(SCREENSHOTS, "weekly-report.png");
    await page.screenshot({ path: file, fullPage: true });
    await annotate(`screenshot: ${path.relative(process.cwd(), file)}`);
    expect(requests, "the report requested nothing").toEqual([]);
    await page.close();
  });

  it("fits a 390 px wide phone screen without sideways scrolling", async ({ annotate }) => {
    const { page, requests } = await openReport(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('[data-metric="visitors"]').isVisible()).toBe(true);
    const file = path.join(SCREENSHOTS, "weekly-report-390px.png");
    await page.screenshot({ path: file, fullPage: true });
    await annotate(`screenshot: ${path.relative(process.cwd(), file)}`);
    expect(requests).toEqual([]);
    await page.close();
  });
});
