import { expect, type Browser, type Page } from "@playwright/test";
import { grantStaff } from "./staff";
import { addSite, DESKTOP_FIREFOX, signUp, visitTestSite, waitForPageviews } from "./tracked-site";

// Values as long as real sites produce them — an article slug, a download token without a
// single break opportunity, a campaign name, a referrer on a long host — and an account that
// has them all on its pages. The layout and accessibility specs walk the same pages.

export const LONG_SLUG_PATH = "/blog/2026/11/how-we-measure-website-traffic-without-cookies-or-personal-data-and-why-it-matters";
export const LONG_TOKEN_PATH = `/downloads/catalogue/${"0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f".repeat(2)}`;
export const LONG_CAMPAIGN = "black-friday-cyber-monday-early-access-newsletter-segment-b";
export const LONG_REFERRER = "https://community-forum.a-rather-long-example-domain-for-layout-tests.org/t/which-analytics/42";
// 60 characters, the most a key name may have, and no space to wrap at.
export const LONG_KEY_NAME = "nightly-export-to-the-finance-teams-reporting-warehouse-v2-1";
// A support subject that quotes a page address: no break opportunity for most of its length.
export const LONG_SUPPORT_SUBJECT = `Pageviews missing on ${LONG_SLUG_PATH}`;

export type LongValueAccount = { email: string; domain: string; sharePath: string };

/**
 * Signs `page` up and gives the account a site with traffic on long paths, a page goal on one
 * of them, an open shared link, an API key with a long name and a support conversation with a
 * long subject; the account is staff (granted by the admin CLI), so the inbox has pages too.
 */
export async function setUpLongValueAccount(browser: Browser, page: Page, domain: string): Promise<LongValueAccount> {
  const email = await signUp(page, "long-values");
  await addSite(page, domain);

  await page.goto(`/sites/${domain}/settings`);
  await page.getByText("Page visit", { exact: true }).click();
  await page.getByLabel("Page path").fill(LONG_TOKEN_PATH);
  await page.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByText("Goal added.")).toBeVisible();
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await page.getByTestId("shared-link-url").getAttribute("href");
  if (!shareUrl) throw new Error("the new shared link has no address");

  const campaign = `?utm_source=newsletter&utm_medium=email&utm_campaign=${LONG_CAMPAIGN}`;
  await visitTestSite(browser, [`${LONG_SLUG_PATH}${campaign}`, LONG_TOKEN_PATH, "/"]);
  await visitTestSite(browser, [LONG_TOKEN_PATH], { referer: LONG_REFERRER, userAgent: DESKTOP_FIREFOX });
  await waitForPageviews(page, domain, 4);

  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(LONG_KEY_NAME);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();

  await page.goto("/support");
  await page.getByLabel(/^Site/).selectOption(domain);
  await page.getByLabel("Subject").fill(LONG_SUPPORT_SUBJECT);
  await page.getByLabel("Message").fill(`The page ${LONG_TOKEN_PATH} is counted, ${LONG_SLUG_PATH} is not.`);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByTestId("support-sent")).toBeVisible();
  await grantStaff(email);

  return { email, domain, sharePath: new URL(shareUrl).pathname };
}

/** A domain as long as a real shop's (about 50 characters), unique per run. */
export function longDomain(): string {
  return `shop-${Date.now()}.a-rather-long-company-name.example`;
}

/** A page (or a state of one) to check, and how to get there with its content on screen. */
export type PageState = { name: string; open: (page: Page) => Promise<void> };

export const PUBLIC_PAGES: PageState[] = [
  { name: "home", path: "/", heading: /./ },
  { name: "pricing", path: "/pricing", heading: /./ },
  { name: "privacy", path: "/privacy", heading: /Privacy/ },
  { name: "terms", path: "/terms", heading: /Terms/ },
  { name: "login", path: "/login", heading: /./ },
  { name: "register", path: "/register", heading: /./ },
  { name: "support", path: "/support", heading: /./ },
].map(({ name, path, heading }) => ({
  name,
  open: async (page: Page) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  },
}));

/** The signed-in pages of the account, each once its long values are on screen. */
export function signedInPages({ domain, sharePath }: LongValueAccount): PageState[] {
  const dashboard = `/sites/${domain}?period=today`;
  const filtered = `${dashboard}&page=${encodeURIComponent(LONG_TOKEN_PATH)}`;
  const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
  const showsPages = async (page: Page) => {
    await expect(region(page, "Pages").getByRole("link", { name: LONG_TOKEN_PATH })).toBeVisible();
    await expect(page.getByRole("img", { name: /over time/ })).toBeVisible();
  };
  return [
    {
      name: "site list",
      open: async (page) => {
        await page.goto("/dashboard");
        await expect(page.getByText(domain).first()).toBeVisible();
      },
    },
    {
      name: "dashboard",
      open: async (page) => {
        await page.goto(dashboard);
        await showsPages(page);
        await expect(region(page, "Pages").getByRole("link", { name: LONG_SLUG_PATH })).toBeVisible();
      },
    },
    {
      name: "dashboard, referrers and campaigns",
      open: async (page) => {
        await page.goto(dashboard);
        const sources = region(page, "Sources");
        await sources.getByRole("tab", { name: "Sources", exact: true }).click();
        await expect(sources.getByText(new URL(LONG_REFERRER).hostname)).toBeVisible();
        await sources.getByRole("tab", { name: "UTM campaign" }).click();
        await expect(sources.getByText(LONG_CAMPAIGN)).toBeVisible();
      },
    },
    {
      name: "dashboard filtered by a long page",
      open: async (page) => {
        await page.goto(filtered);
        await expect(page.getByRole("group", { name: "Active filters" })).toContainText(LONG_TOKEN_PATH);
        await showsPages(page);
      },
    },
    {
      name: "dashboard, page details",
      open: async (page) => {
        await page.goto(dashboard);
        await showsPages(page);
        await region(page, "Pages").getByRole("button", { name: /Details/ }).click();
        await expect(page.getByRole("dialog").getByText(LONG_SLUG_PATH)).toBeVisible();
      },
    },
    {
      name: "shared dashboard",
      open: async (page) => {
        await page.goto(`${sharePath}?period=today`);
        await showsPages(page);
      },
    },
    {
      name: "site setup",
      open: async (page) => {
        await page.goto(`/sites/${domain}/setup`);
        await expect(page.getByText(`data-domain="${domain}"`).first()).toBeVisible();
      },
    },
    {
      name: "site settings",
      open: async (page) => {
        await page.goto(`/sites/${domain}/settings`);
        await expect(page.getByRole("region", { name: "Goals" }).getByText(LONG_TOKEN_PATH)).toBeVisible();
        await expect(page.getByTestId("shared-link-url")).toBeVisible();
      },
    },
    {
      name: "account settings",
      open: async (page) => {
        await page.goto("/settings");
        await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      },
    },
    {
      name: "billing",
      open: async (page) => {
        await page.goto("/settings/billing");
        await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
        await expect(page.getByText("Free trial").first()).toBeVisible();
        await expect(page.getByText(/No invoices yet|Loading invoices/).first()).toBeVisible();
      },
    },
    {
      name: "API keys",
      open: async (page) => {
        await page.goto("/settings/api-keys");
        await expect(page.getByTestId("api-key-row").filter({ hasText: LONG_KEY_NAME }).first()).toBeVisible();
      },
    },
    {
      name: "help, with a conversation",
      open: async (page) => {
        await page.goto("/support");
        await expect(page.getByRole("region", { name: "Your conversations" }).getByText(LONG_SUPPORT_SUBJECT)).toBeVisible();
      },
    },
    {
      name: "help, a conversation",
      open: async (page) => {
        await page.goto("/support");
        await page.getByRole("region", { name: "Your conversations" }).getByRole("link", { name: LONG_SUPPORT_SUBJECT }).click();
        await expect(page.getByRole("heading", { level: 1, name: LONG_SUPPORT_SUBJECT })).toBeVisible();
      },
    },
    {
      name: "support inbox",
      open: async (page) => {
        await page.goto("/admin/support?status=all");
        await expect(page.getByTestId("thread-row").filter({ hasText: LONG_SUPPORT_SUBJECT }).first()).toBeVisible();
      },
    },
    {
      name: "support inbox, a thread",
      open: async (page) => {
        await page.goto("/admin/support?status=all");
        await page.getByTestId("thread-row").filter({ hasText: LONG_SUPPORT_SUBJECT }).first().getByRole("link").click();
        await expect(page.getByRole("heading", { level: 1, name: LONG_SUPPORT_SUBJECT })).toBeVisible();
        await expect(page.getByRole("region", { name: "Earlier conversations from this address" })).toBeVisible();
      },
    },
    {
      name: "API keys, a new key just created",
      open: async (page) => {
        await page.goto("/settings/api-keys");
        await page.getByLabel("Name").fill(LONG_KEY_NAME);
        await page.getByRole("button", { name: "Create key" }).click();
        await expect(page.getByTestId("new-api-key")).toBeVisible();
      },
    },
  ];
}
