import { expect, type Browser, type Page } from "@playwright/test";
import { openMagicLink, register } from "./flows";
import { uniqueEmail, waitForMagicLink } from "./mailbox";
import { TEST_SITE_URL } from "./test-site-server";

// An owner with a site that has real traffic: pageviews sent by the tracker from the test
// site (e2e/support/test-site-server.ts) through POST /api/event, read back on the dashboard.

// Headless Chromium announces itself as HeadlessChrome, which ingestion rightly drops as a bot.
export const DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
// Another browser is another visitor (the visitor id hashes the user agent with the IP).
export const DESKTOP_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

/** Registers a new account and signs it in on `page`; returns the e-mail address. */
export async function signUp(page: Page, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await register(page, email);
  await openMagicLink(page, await waitForMagicLink(email));
  return email;
}

export async function addSite(page: Page, domain: string): Promise<void> {
  await page.goto("/sites/new");
  await page.getByLabel("Domain").fill(domain);
  await page.getByRole("button", { name: "Add site and get the snippet" }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${domain.replace(/\./g, "\\.")}/setup`));
}

/**
 * One visitor opens each path (with its query string) on the test site; resolves once the
 * tracker has sent a pageview for each. The visitor is a fresh context (desktop Chrome unless
 * another user agent is given).
 */
export async function visitTestSite(browser: Browser, paths: string[], options: { referer?: string; userAgent?: string } = {}): Promise<void> {
  const { referer, userAgent = DESKTOP_CHROME } = options;
  const visitor = await browser.newContext({ userAgent });
  try {
    const page = await visitor.newPage();
    for (const path of paths) {
      const sent = page.waitForRequest((request) => request.url().endsWith("/api/event") && request.method() === "POST");
      await page.goto(TEST_SITE_URL + path, referer ? { referer } : undefined);
      expect(JSON.parse((await sent).postData() ?? "{}"), `the pageview of ${path}`).toMatchObject({ n: "pageview" });
    }
  } finally {
    await visitor.close();
  }
}

/** Reloads the site's dashboard until it counts `pageviews` pageviews today. */
export async function waitForPageviews(page: Page, domain: string, pageviews: number): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`/sites/${domain}?period=today`);
        return page.getByTestId("stat-pageviews-value").innerText();
      },
      { timeout: 45_000, intervals: [1_000, 2_000], message: "the rollups catch up with the visits" },
    )
    .toBe(String(pageviews));
}
