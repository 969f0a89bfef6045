import { expect, test } from "@playwright/test";
import { connectE2eDatabase } from "./support/e2e-database";
import { openMagicLink, register } from "./support/flows";
import { uniqueEmail, waitForMagicLink } from "./support/mailbox";
import { addSite, signUp } from "./support/tracked-site";

// Issue 8's journey in Chromium against the local Stripe fake (scripts/e2e-server.ts): a
// trialing account opens the billing page → Upgrade → the fake's Checkout → pays → the fake
// delivers signed webhooks → the billing page shows the plan, its limit and the renewal date;
// "Manage billing" reaches the fake's portal; canceling there → "canceled, ends on …".

test("a trialing account subscribes through Checkout, manages billing in the portal and cancels", async ({ page }) => {
  const email = uniqueEmail("billing");
  await register(page, email);
  await openMagicLink(page, await waitForMagicLink(email));

  await page.getByRole("navigation").getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  await expect(page.getByText("Free trial").first()).toBeVisible();
  await expect(page.getByText(/\b(30|29) days left/).first()).toBeVisible();

  // Choose the 100k plan, billed monthly.
  await page.getByRole("radio", { name: /Up to 100k pageviews a month/ }).check();
  await page.getByRole("button", { name: "Choose plan" }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  // Back on MiniStat: the fake delivered the signed webhooks before it redirected.
  await expect(page).toHaveURL(/\/settings\/billing/);
  await expect(page.getByText("Thank you — your subscription is active.")).toBeVisible();
  await expect(page.getByText("Up to 100k pageviews a month").first()).toBeVisible();
  // It keeps the rest of its trial: the first payment is at the trial's end, then it renews.
  await expect(page.getByText(/(first payment of €19 is on|Renews on) \d{1,2} \w+ \d{4}/).first()).toBeVisible();
  await expect(page.getByText(/your plan's limit of 100k/)).toBeVisible();

  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe customer portal" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByRole("button", { name: "Renew subscription" })).toBeVisible();
  await page.getByRole("link", { name: "Return to MiniStat" }).click();

  await expect(page).toHaveURL(/\/settings\/billing/);
  await expect(page.getByText(/Canceled, ends on \d{1,2} \w+ \d{4}/).first()).toBeVisible();
});

test("a locked account sees an upgrade prompt instead of its dashboard; choosing a plan opens it again", async ({ page }) => {
  await signUp(page, "locked");
  const domain = `locked-${Date.now()}.example`;
  await addSite(page, domain);

  // Registered 40 days ago: the 30-day trial and the 7 days of grace are over.
  const db = await connectE2eDatabase();
  try {
    await db.query("UPDATE users SET created_at = now() - interval '40 days' WHERE id = (SELECT user_id FROM sites WHERE domain = $1)", [domain]);
  } finally {
    await db.end();
  }

  await page.goto(`/sites/${domain}`);
  await expect(page.getByRole("heading", { name: `The dashboard of ${domain} is locked` })).toBeVisible();
  await expect(page.getByText(`${domain} is still being recorded`)).toBeVisible();
  await expect(page.getByTestId("billing-banner-locked")).toBeVisible();

  await page.getByRole("link", { name: "Choose a plan" }).first().click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await page.getByRole("radio", { name: /Up to 10k pageviews a month/ }).check();
  await page.getByRole("button", { name: "Choose plan" }).click();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();
  await expect(page.getByText("Thank you — your subscription is active.")).toBeVisible();

  await page.goto(`/sites/${domain}`);
  await expect(page.getByRole("heading", { name: `The dashboard of ${domain} is locked` })).toHaveCount(0);
  await expect(page.getByText("Subscription required")).toHaveCount(0);
  await expect(page.getByText(domain).first()).toBeVisible();
});
