import { test } from "@playwright/test";
import { longDomain, PUBLIC_PAGES, setUpLongValueAccount, signedInPages } from "./support/long-values";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { serveTestSite } from "./support/test-site-server";

// At phone width (390 px, an iPhone 12–15) no page scrolls sideways: long paths, referrers,
// campaign names, domains and key names truncate or wrap instead of widening the page.

test.use({ viewport: { width: 390, height: 844 } });

const domain = longDomain();

serveTestSite(domain);

test("the public pages fit a 390 px screen", async ({ page }) => {
  for (const state of PUBLIC_PAGES) {
    await test.step(state.name, async () => {
      await state.open(page);
      await expectNoHorizontalOverflow(page, state.name);
    });
  }
});

test("the dashboard, settings and API keys fit a 390 px screen with long paths, referrers, campaigns and key names", async ({ browser, page }) => {
  const account = await test.step("an account whose site has traffic on long paths", () => setUpLongValueAccount(browser, page, domain));
  for (const state of signedInPages(account)) {
    await test.step(state.name, async () => {
      await state.open(page);
      await expectNoHorizontalOverflow(page, state.name);
    });
  }
});
