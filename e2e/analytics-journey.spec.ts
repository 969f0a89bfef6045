import { expect, test } from "@playwright/test";
import { openMagicLink, register } from "./support/flows";
import { waitForMagicLink } from "./support/mailbox";
import { serveTestSite, TEST_SITE_URL } from "./support/test-site-server";

// Issue 3's acceptance journey: add a site, load a page with the tracker in Chromium,
// navigate with pushState, fire a custom event, and read it all back on the dashboard.
// The visited page's cookie jar and storage stay empty.

const domain = `shop-${Date.now()}.example`;

serveTestSite(domain);

test("a tracked visit shows up on the dashboard: 1 visitor, 2 pageviews, a goal conversion, referrer and browser", async ({ browser }) => {
  const owner = await browser.newContext();
  const page = await owner.newPage();
  const email = `analytics-${Date.now()}@example.com`;

  await test.step("sign up and sign in", async () => {
    await register(page, email);
    await openMagicLink(page, await waitForMagicLink(email));
  });

  await test.step("add the site and see the snippet, waiting for the first pageview", async () => {
    await page.goto("/sites/new");
    await page.getByLabel("Domain").fill(domain);
    await page.getByRole("button", { name: "Add site and get the snippet" }).click();
    await expect(page).toHaveURL(new RegExp(`/sites/${domain.replace(/\./g, "\\.")}/setup`));
    await expect(page.getByText(`data-domain="${domain}"`).first()).toBeVisible();
    await expect(page.getByText(/Waiting for the first pageview/)).toBeVisible();
  });

  await test.step("add a goal for the Signup event", async () => {
    await page.goto(`/sites/${domain}/settings`);
    await page.getByLabel("Event name").fill("Signup");
    await page.getByRole("button", { name: "Add goal" }).click();
    await expect(page.getByText("Goal added.")).toBeVisible();
    await expect(page.getByLabel("Event name"), "a saved goal clears the field").toHaveValue("");
  });

  // A desktop Chrome user agent: headless Chromium announces itself as HeadlessChrome,
  // which ingestion rightly drops as a bot.
  const visitor = await browser.newContext({
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  });
  await test.step("a visitor arrives from Hacker News, navigates with pushState and signs up", async () => {
    const visit = await visitor.newPage();
    const events: string[] = [];
    visit.on("request", (request) => {
      if (request.url().endsWith("/api/event")) events.push(request.postData() ?? "");
    });
    await visit.goto(TEST_SITE_URL + "/", { referer: "https://news.ycombinator.com/item?id=1" });
    await expect.poll(() => events.length, { message: "the pageview is sent on load" }).toBe(1);
    await visit.click("#to-pricing");
    await expect.poll(() => events.length, { message: "pushState sends a second pageview" }).toBe(2);
    await visit.click("#signup");
    await expect.poll(() => events.length, { message: "the custom event is sent" }).toBe(3);
    expect(JSON.parse(events[1]!)).toMatchObject({ n: "pageview", d: domain });
    expect(JSON.parse(events[2]!)).toMatchObject({ n: "Signup", p: { plan: "pro" } });

    expect(await visitor.cookies(), "the tracker sets no cookie").toEqual([]);
    const storage = await visit.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(storage, "the tracker writes no storage").toEqual({ local: 0, session: 0, cookie: "" });
  });

  await test.step("the setup page notices the first pageview", async () => {
    await page.goto(`/sites/${domain}/setup`);
    await expect(page.getByText(/Pageviews are arriving/)).toBeVisible({ timeout: 20_000 });
  });

  await test.step("the dashboard shows 1 visitor, 2 pageviews, the goal, the referrer and the browser", async () => {
    await expect
      .poll(
        async () => {
          await page.goto(`/sites/${domain}?period=today`);
          return page.getByTestId("stat-pageviews-value").innerText();
        },
        { timeout: 45_000, intervals: [1_000, 2_000], message: "the rollups catch up with the visit" },
      )
      .toBe("2");
    await expect(page.getByTestId("stat-visitors-value")).toHaveText("1");
    const goal = page.getByTestId("goal-row").filter({ hasText: "Signup" });
    await expect(goal).toBeVisible();
    await expect(goal.getByRole("cell").nth(1)).toHaveText("1");
    await expect(goal.getByRole("cell").nth(3)).toHaveText(/100/);
    const sources = page.getByRole("region", { name: "Sources", exact: true });
    await sources.getByRole("tab", { name: "Sources", exact: true }).click();
    await expect(sources.getByText("Hacker News")).toBeVisible();
    const devices = page.getByRole("region", { name: "Devices", exact: true });
    await devices.getByRole("tab", { name: "Browsers" }).click();
    await expect(devices.getByText("Chrome", { exact: true })).toBeVisible();
    const pages = page.getByRole("region", { name: "Pages", exact: true });
    await expect(pages.getByText("/pricing")).toBeVisible();
  });

  await test.step("another signed-in user gets a 404 for this site's dashboard, export and realtime", async () => {
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    const strangerEmail = `stranger-${Date.now()}@example.com`;
    await register(other, strangerEmail);
    await openMagicLink(other, await waitForMagicLink(strangerEmail));
    for (const path of [`/sites/${domain}`, `/sites/${domain}/settings`, `/sites/${domain}/export?period=today`, `/sites/${domain}/realtime`]) {
      const response = await other.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain("Hacker News");
    }
    await stranger.close();
  });

  await visitor.close();
  await owner.close();
});
