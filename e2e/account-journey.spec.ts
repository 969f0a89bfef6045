import { expect, test } from "@playwright/test";
import { E2E_BASE_URL, SESSION_COOKIE } from "./support/e2e-env";
import { expectOnlySessionCookie, expectSignedIn, expectSignedOut, openMagicLink, register, requestSignInLink } from "./support/flows";
import { waitForMailQueue } from "./support/mail-queue";
import { sentMails, waitForMagicLink } from "./support/mailbox";

// The acceptance journey of the privacy policy's account promises: an e-mail address is all
// it takes; one HttpOnly, SameSite=Lax, 30-day cookie keeps you signed in and is the only
// cookie; sessions are revocable; deleting the account deletes it immediately.

const DAY_SECONDS = 24 * 60 * 60;

test("register with e-mail only, stay signed in with one cookie, sign out everywhere, delete the account", async ({ browser }) => {
  const email = `journey-${Date.now()}@example.com`;

  const first = await browser.newContext();
  const page = await first.newPage();

  await test.step("register with nothing but an e-mail address", async () => {
    await page.goto("/register");
    const form = page.locator("form").filter({ has: page.getByLabel("E-mail address") });
    await expect(form.getByRole("textbox"), "the sign-up form asks for one thing: the e-mail address").toHaveCount(1);
    await expect(form.locator('input[type="password"]'), "no password").toHaveCount(0);
    await register(page, email);
    expect(await first.cookies(), "registering sets no cookie").toEqual([]);
  });

  const firstLink = await test.step("the sign-in link arrives through Mailjet", async () => {
    const link = await waitForMagicLink(email);
    expect(new URL(link).searchParams.get("token"), link).toMatch(/^\S{16,}$/);
    return link;
  });

  await test.step("the link signs in and lands on the dashboard", async () => {
    await openMagicLink(page, firstLink);
  });

  await test.step("one HttpOnly, SameSite=Lax session cookie, valid for 30 days", async () => {
    const cookie = await expectOnlySessionCookie(first);
    expect(cookie.name).toBe(SESSION_COOKIE);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.path).toBe("/");
    expect(cookie.expires, "a persistent cookie, not a browser-session one").toBeGreaterThan(0);
    expect(cookie.expires - Date.now() / 1000).toBeGreaterThanOrEqual(29 * DAY_SECONDS);
    expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(31 * DAY_SECONDS);
    expect(await page.evaluate(() => document.cookie), "invisible to scripts").toBe("");
  });

  await test.step("settings show the account's address; still one cookie", async () => {
    await page.goto("/settings");
    await expect(page.getByText(email, { exact: true }).first()).toBeVisible();
    await expectOnlySessionCookie(first);
  });

  const savedState = await first.storageState();
  await test.step("a new browser context with the saved cookie is still signed in", async () => {
    await first.close();
    const again = await browser.newContext({ storageState: savedState });
    const againPage = await again.newPage();
    await expectSignedIn(againPage);
    await expectOnlySessionCookie(again);

    await test.step("sign out of all devices", async () => {
      await againPage.goto("/settings");
      await againPage.getByRole("button", { name: "Sign out of all devices" }).click();
      await expect(againPage).toHaveURL(/\/login(\?.*)?$/);
      await expectSignedOut(againPage);
    });
    await again.close();
  });

  await test.step("the old cookie no longer signs in anywhere", async () => {
    const stale = await browser.newContext({ storageState: savedState });
    await expectSignedOut(await stale.newPage());
    await stale.close();
  });

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  const knownAnswer = await test.step("sign in again from /login with a new link", async () => {
    const seen = (await sentMails(email)).length;
    const answer = await requestSignInLink(secondPage, email);
    const link = await waitForMagicLink(email, { alreadySeen: seen });
    expect(link, "a fresh link, not the used one").not.toBe(firstLink);
    await openMagicLink(secondPage, link);
    await expectOnlySessionCookie(second);
    return answer;
  });
  const secondState = await second.storageState();

  await test.step("delete the account, confirming with the e-mail address", async () => {
    await secondPage.goto("/settings");
    await expect(secondPage.getByText(email, { exact: true }).first()).toBeVisible();
    await secondPage.getByLabel("Type your e-mail address to confirm").fill(email);
    await secondPage.getByRole("button", { name: "Delete account permanently" }).click();
    await expect(secondPage).toHaveURL(new RegExp(`^${E2E_BASE_URL}/(\\?.*)?$`));
    await expect(secondPage.getByRole("status").filter({ hasText: "Your account and all its data have been deleted." })).toBeVisible();
    const leftover = (await second.cookies()).filter((c) => c.name !== SESSION_COOKIE);
    expect(leftover, "no other cookie after deletion").toEqual([]);
    await second.close();
  });

  await test.step("the deleted account's cookie no longer signs in", async () => {
    const stale = await browser.newContext({ storageState: secondState });
    await expectSignedOut(await stale.newPage());
    await stale.close();
  });

  await test.step("asking for a link for the deleted address answers the same and sends nothing", async () => {
    const third = await browser.newContext();
    const thirdPage = await third.newPage();
    const seen = (await sentMails(email)).length;
    const answer = await requestSignInLink(thirdPage, email);
    expect(answer, "the same neutral answer as for an existing account").toBe(knownAnswer);
    // Any e-mail would have been queued before the answer; once the queue has worked through
    // everything queued so far, it would have reached the fake.
    await waitForMailQueue();
    expect((await sentMails(email)).length, "no e-mail to a deleted account").toBe(seen);
    expect(await third.cookies(), "asking for a link sets no cookie").toEqual([]);
    await third.close();
  });
});
