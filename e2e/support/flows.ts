import { expect, type BrowserContext, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "./e2e-env";

// Steps the specs share, written against the UI contract (accessible names only).

export async function register(page: Page, email: string): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel(/^I agree to the Terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
}

/** Asks /login for a link; returns the text of the neutral "check your inbox" answer. */
export async function requestSignInLink(page: Page, email: string): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const status = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(status).toBeVisible();
  return (await status.innerText()).replace(/\s+/g, " ").trim();
}

export async function openMagicLink(page: Page, link: string): Promise<void> {
  const response = await page.goto(link);
  expect(response?.status() ?? 0, "the magic link answers without a server error").toBeLessThan(500);
  await expect(page).toHaveURL(/\/dashboard(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Your sites" })).toBeVisible();
}

/** A signed-in page is reachable in this context. */
export async function expectSignedIn(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Your sites" })).toBeVisible();
}

/** The dashboard sends this context to /login. */
export async function expectSignedOut(page: Page): Promise<void> {
  const response = await page.goto("/dashboard");
  expect(response?.status() ?? 0).toBeLessThan(500);
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Your sites" })).toHaveCount(0);
}

/** The jar holds exactly one cookie, the session cookie; returns it. */
export async function expectOnlySessionCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  expect(
    cookies.map((c) => `${c.name} (${c.domain})`),
    "the session cookie is the only cookie MiniStat sets",
  ).toEqual([`${SESSION_COOKIE} (localhost)`]);
  const cookie = cookies[0];
  if (!cookie) throw new Error("unreachable: checked above");
  return cookie;
}
