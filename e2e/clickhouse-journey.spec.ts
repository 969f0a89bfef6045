import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "@/tests/support/free-port";
import { startApp, type AppProcess } from "./support/app-process";
import { openMagicLink, register } from "./support/flows";
import { uniqueEmail } from "./support/mailbox";
import { addSite, DESKTOP_FIREFOX, visitTestSite, waitForPageviews } from "./support/tracked-site";
import { TEST_SITE_PORT } from "./support/test-site-server";

// The product on the ClickHouse analytics engine, end to end: a MiniStat of its own
// (ANALYTICS_ENGINE=clickhouse, the embedded engine, no Mailjet keys: sign-in links land in
// its /dev/mailbox), an owner signs up and adds a site, the real tracker sends pageviews
// from a page in Chromium, and the dashboard shows them, read from ClickHouse.

test.describe.configure({ timeout: 180_000 });

const domain = `ch-shop-${randomUUID().slice(0, 8)}.example`;
const dataDir = `.data/e2e-clickhouse-${randomUUID().slice(0, 8)}`;
let app: AppProcess;
let appUrl: string;
let site: Server;

test.beforeAll(async () => {
  test.setTimeout(180_000); // the first start applies the migrations of both databases
  const ports = { app: await freePort(), postgres: await freePort() };
  app = await startApp({
    dataDir,
    ports,
    env: { ANALYTICS_ENGINE: "clickhouse", CLICKHOUSE_URL: "", MAILJET_API_KEY: "", MAILJET_API_SECRET: "", RECAPTCHA_SITE_KEY: "", RECAPTCHA_SECRET_KEY: "" },
  });
  appUrl = `http://localhost:${ports.app}`; // APP_URL: the links in its e-mails point here
  site = await serveSite(`<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<script defer data-domain="${domain}" data-allow-local src="${appUrl}/js/script.js"></script>
</head><body><h1>Shop</h1></body></html>`);
});

test.afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
  if (app) {
    process.kill(app.pid, "SIGTERM");
    await app.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("on ClickHouse, tracked pageviews show up on the dashboard: visitors, pageviews and pages", async ({ browser }) => {
  const owner = await browser.newContext({ baseURL: appUrl });
  const page = await owner.newPage();
  const email = uniqueEmail("clickhouse");

  await test.step("sign up, with the sign-in link from the local mailbox", async () => {
    await register(page, email);
    await openMagicLink(page, await magicLinkFromMailbox(page, email));
  });

  await test.step("add the site", async () => {
    await addSite(page, domain);
    await expect(page.getByText(/Waiting for the first pageview/)).toBeVisible();
  });

  await test.step("two visitors browse the site with the tracker", async () => {
    await visitTestSite(browser, ["/", "/pricing"]);
    await visitTestSite(browser, ["/pricing"], { userAgent: DESKTOP_FIREFOX });
  });

  await test.step("the setup page notices the first pageview", async () => {
    await page.goto(`/sites/${domain}/setup`);
    await expect(page.getByText(/Pageviews are arriving/)).toBeVisible({ timeout: 20_000 });
  });

  await test.step("the dashboard shows 2 visitors, 3 pageviews and both pages", async () => {
    await waitForPageviews(page, domain, 3);
    await expect(page.getByTestId("stat-visitors-value")).toHaveText("2");
    const pages = page.getByRole("region", { name: "Pages", exact: true });
    await expect(pages.getByText("/pricing", { exact: true })).toBeVisible();
    await expect(pages.getByText("/", { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/clickhouse/dashboard.png", fullPage: true });
  });

  await owner.close();
});

/** The newest sign-in link sent to `email`, read from the app's /dev/mailbox. */
async function magicLinkFromMailbox(page: Page, email: string): Promise<string> {
  const mailbox = await page.context().newPage();
  try {
    const link = mailbox.getByRole("listitem").filter({ hasText: `to ${email}` }).first().getByRole("link", { name: /\/api\/auth\/callback\/email/ });
    await expect
      .poll(
        async () => {
          await mailbox.goto("/dev/mailbox");
          return link.count();
        },
        { timeout: 20_000, intervals: [250, 500, 1_000], message: "the sign-in e-mail reaches the local mailbox" },
      )
      .toBeGreaterThan(0);
    return (await link.getAttribute("href"))!;
  } finally {
    await mailbox.close();
  }
}

/** The customer's website on the test site's port: the same page for every path. */
async function serveSite(html: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(TEST_SITE_PORT, "127.0.0.1", resolve));
  return server;
}
