import { test, type Page } from "@playwright/test";
import { longDomain, PUBLIC_PAGES, setUpLongValueAccount, signedInPages, type PageState } from "./support/long-values";
import { expectNoAxeViolations } from "./support/page-checks";
import { serveTestSite } from "./support/test-site-server";

// axe-core finds no WCAG 2 A/AA violation on the public pages, the dashboard (filtered and
// not, with its dialogs), the site and account settings and the API keys — on a desktop
// screen and at phone width, where the layout (and so what axe sees) differs.

const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

const domain = longDomain();

serveTestSite(domain);

async function scanAtEachWidth(page: Page, states: PageState[]): Promise<void> {
  for (const { name, viewport } of WIDTHS) {
    await page.setViewportSize(viewport);
    for (const state of states) {
      await test.step(`${state.name} (${name})`, async () => {
        await state.open(page);
        await expectNoAxeViolations(page, `${state.name} (${name})`);
      });
    }
  }
}

test("the public pages have no WCAG 2 A/AA violation", async ({ page }) => {
  await scanAtEachWidth(page, PUBLIC_PAGES);
});

test("the dashboard, settings and API keys have no WCAG 2 A/AA violation", async ({ browser, page }) => {
  // Every signed-in page and dialog, scanned at two widths: 1.9–2.1 min on a slow 2-core VM,
  // past the default 2 min.
  test.setTimeout(300_000);
  const account = await test.step("an account whose site has traffic on long paths", () => setUpLongValueAccount(browser, page, domain));
  await scanAtEachWidth(page, signedInPages(account));
});
