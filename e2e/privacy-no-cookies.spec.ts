import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./support/e2e-env";
import { recordTraffic } from "./support/page-traffic";

// "No cookie anywhere" and "no third-party scripts, fonts or CDNs": public pages leave the
// cookie jar empty and every request they make goes to MiniStat itself.

const PUBLIC_PAGES = ["/", "/pricing", "/privacy", "/terms", "/login", "/register", "/support"];

const ownOrigin = (url: string) => url.startsWith(`${E2E_BASE_URL}/`) || url === E2E_BASE_URL;
// Inline data is not a request to anyone.
const isNetwork = (url: string) => !url.startsWith("data:") && !url.startsWith("blob:");

for (const path of PUBLIC_PAGES) {
  test(`${path} sets no cookie and loads nothing from another origin`, async ({ page, context }) => {
    const traffic = recordTraffic(page);
    const response = await page.goto(path, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle"); // including Next's link prefetches

    expect(traffic.requests.length, "the page loaded something").toBeGreaterThan(0);
    expect(traffic.requests.filter(isNetwork).filter((url) => !ownOrigin(url)), "requests to other origins").toEqual([]);
    expect(await context.cookies(), "cookie jar").toEqual([]);
    expect(await traffic.setCookieHeaders(), "Set-Cookie headers").toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe("");
  });
}

test("walking through every public page in one browser leaves the jar empty", async ({ page, context }) => {
  const traffic = recordTraffic(page);
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  await page.waitForLoadState("networkidle");
  expect(traffic.requests.filter(isNetwork).filter((url) => !ownOrigin(url))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test("/privacy shows the policy date and the contact address", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByText("2023-10-07").first()).toBeVisible();
  await expect(page.getByText("ministat@altmails.com").first()).toBeVisible();
});
