import { expect, test } from "@playwright/test";
import type pg from "pg";
import { E2E_BASE_URL } from "./support/e2e-env";
import { activeReadQueries, connectE2eDatabase } from "./support/e2e-database";
import { openMagicLink, register } from "./support/flows";
import { waitForMagicLink } from "./support/mailbox";

// Issue 7: heavy dashboards cannot pile up. A lock on `visits`, held by the test, makes every
// filtered view's scan hang as a very slow one would. Then, in Chromium against the real
// server: the loading panels say they are still working; a second view that gets no turn
// says "busy right now" with Try again (not an error); and whoever stops waiting — a closed
// tab (RSC render), an abandoned details or export request (route handlers), a Stats API
// client that timed out — leaves nothing running in Postgres.

const domain = `load-${Date.now()}.example`;
const base = `/sites/${domain}`;
let watcher: pg.Client;
let locker: pg.Client;

test.beforeAll(async () => {
  watcher = await connectE2eDatabase();
  locker = await connectE2eDatabase();
});
test.afterAll(async () => {
  await locker.query("ROLLBACK").catch(() => {});
  await Promise.all([watcher.end(), locker.end()]);
});

const reads = () => activeReadQueries(watcher);

test("slow views say so, busy views offer Try again, and abandoned requests stop their queries", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `load-${Date.now()}@example.com`;

  let apiKey = "";
  await test.step("sign up, add a site, create an API key", async () => {
    await register(page, email);
    await openMagicLink(page, await waitForMagicLink(email));
    await page.goto("/sites/new");
    await page.getByLabel("Domain").fill(domain);
    await page.getByRole("button", { name: "Add site and get the snippet" }).click();
    await expect(page).toHaveURL(new RegExp(`${base.replace(/\./g, "\\.")}/setup`));
    await page.goto("/settings/api-keys");
    await page.getByLabel("Name").fill("load test");
    await page.getByRole("button", { name: "Create key" }).click();
    apiKey = (await page.getByTestId("new-api-key").innerText()).trim();
    expect(apiKey).toMatch(/^ms_/);
  });

  await locker.query("BEGIN");
  await locker.query("LOCK TABLE visits IN ACCESS EXCLUSIVE MODE");

  const slow = await context.newPage();
  await test.step("a slow view keeps its skeletons and says it is still working", async () => {
    // An event filter: always read from raw visits and events (a page filter reads rollups).
    await slow.goto(`${base}?period=30d&event=Signup`, { waitUntil: "commit" });
    await expect(slow.getByText("Still working on it…").first()).toBeVisible();
    // The view's two scans (visit panels, event panels) hold the account's two turns.
    await expect.poll(reads).toBe(2);
  });

  const busy = await context.newPage();
  await test.step("a second view that gets no turn in time says busy, with Try again", async () => {
    // Two filters: a raw scan (one country alone now reads its filter rollups, no scan).
    await busy.goto(`${base}?period=30d&country=DE&browser=Firefox`, { waitUntil: "commit" });
    const notice = busy.locator("[data-panel-unavailable=busy]").first();
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText("busy right now");
    await expect(notice.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  await test.step("closing the slow tab cancels its queries in Postgres", async () => {
    await slow.close();
    await expect.poll(reads, { timeout: 10_000 }).toBe(0);
  });

  await test.step("an abandoned details request and export stop their queries too", async () => {
    for (const path of [`${base}/breakdown?period=30d&event=Signup&dimension=browser`, `${base}/export?period=30d&event=Signup`]) {
      const abandoned = page.request.get(path, { timeout: 3_000 });
      await expect.poll(reads).toBeGreaterThan(0); // its query reached Postgres
      await expect(abandoned).rejects.toThrow(/Timeout/i);
      await expect.poll(reads, { timeout: 10_000 }).toBe(0);
    }
  });

  await test.step("a Stats API client that gives up stops its query", async () => {
    const url = `${E2E_BASE_URL}/api/v1/stats/breakdown?site_id=${domain}&property=browser&event=Signup`;
    const client = new AbortController();
    const abandoned = fetch(url, { headers: { authorization: `Bearer ${apiKey}` }, signal: client.signal });
    await expect.poll(reads).toBeGreaterThan(0);
    client.abort();
    await expect(abandoned).rejects.toThrow();
    await expect.poll(reads, { timeout: 10_000 }).toBe(0);
  });

  await locker.query("ROLLBACK");

  await test.step("Try again shows the panels once the database has room", async () => {
    await busy.locator("[data-panel-unavailable=busy]").first().getByRole("button", { name: "Try again" }).click();
    await expect(busy.locator("[data-panel-unavailable]")).toHaveCount(0, { timeout: 20_000 });
    await expect(busy.getByRole("heading", { name: "Devices" })).toBeVisible();
  });
});
