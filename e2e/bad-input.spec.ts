import { expect, test, type Page } from "@playwright/test";
import { expectSignedOut, openMagicLink, register } from "./support/flows";
import { waitForMailQueue } from "./support/mail-queue";
import { sentMails, uniqueEmail, waitForMagicLink } from "./support/mailbox";

// Broken, tampered and replayed input: an error the user can read (never a 5xx), and no session.

async function expectLinkRejected(page: Page, link: string): Promise<void> {
  const response = await page.goto(link);
  expect(response?.status() ?? 0, "no server error").toBeLessThan(500);
  await expect(page).toHaveURL(/\/login\/error(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
  expect(await page.context().cookies(), "no session cookie").toEqual([]);
  await expectSignedOut(page);
}

function tamper(link: string): string {
  const url = new URL(link);
  const token = url.searchParams.get("token");
  if (!token) throw new Error(`no token in ${link}`);
  const first = token[0] ?? "0";
  // Change exactly one character to another character of the same alphabet.
  const replacement = first === "a" ? "b" : first === "0" ? "1" : /[0-9]/.test(first) ? "0" : "a";
  url.searchParams.set("token", replacement + token.slice(1));
  return url.toString();
}

test("a tampered link and a used link lead to the error page and do not sign in", async ({ browser }) => {
  const email = uniqueEmail("bad-link");
  const setup = await browser.newContext();
  await register(await setup.newPage(), email);
  const link = await waitForMagicLink(email);
  await setup.close();

  await test.step("one changed character in the token", async () => {
    const context = await browser.newContext();
    const tampered = tamper(link);
    expect(tampered).not.toBe(link);
    await expectLinkRejected(await context.newPage(), tampered);
    await context.close();
  });

  await test.step("the untouched link still works (only the tampering was refused)", async () => {
    const context = await browser.newContext();
    await openMagicLink(await context.newPage(), link);
    await context.close();
  });

  await test.step("the same link a second time", async () => {
    const context = await browser.newContext();
    await expectLinkRejected(await context.newPage(), link);
    await context.close();
  });
});

test("registering with a malformed e-mail address shows a form error and sends nothing", async ({ page, context }) => {
  const malformed = `not-an-address-${Date.now()}`;
  await page.goto("/register");
  await page.getByLabel("E-mail address").fill(malformed);
  await page.getByLabel(/^I agree to the Terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toHaveCount(0);
  await waitForMailQueue(); // an e-mail, had one been queued, would have gone out by now
  expect(await sentMails(malformed)).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test("registering without agreeing to the terms shows a form error", async ({ page }) => {
  const email = uniqueEmail("no-consent");
  await page.goto("/register");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toHaveCount(0);
  await waitForMailQueue();
  expect(await sentMails(email)).toEqual([]);
});

const TWO_MB = 2 * 1024 * 1024;

test("oversized bodies get a 4xx, never a 5xx", async ({ page, request }) => {
  // The real id of the register server action, from a real (invalid, so harmless) submission.
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.goto("/register");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "Create account" }).click();
  const submitted = await actionRequest;
  const actionId = submitted.headers()["next-action"] ?? "";
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/);

  const big = "x".repeat(TWO_MB);
  const attempts = [
    {
      name: "POST /api/auth/callback/email (raw)",
      send: () => request.post("/api/auth/callback/email", { data: big, headers: { "content-type": "application/octet-stream" } }),
    },
    { name: "POST /api/auth/callback/email (form)", send: () => request.post("/api/auth/callback/email", { form: { email: "a@example.com", token: big } }) },
    {
      name: "POST /register (the register server action, 2 MB field)",
      send: () =>
        request.post("/register", {
          multipart: { "1_email": "a@example.com", "1_consent": "on", "1_filler": big, "0": '["$K1"]' },
          headers: { "next-action": actionId, accept: "text/x-component", "next-router-state-tree": submitted.headers()["next-router-state-tree"] ?? "" },
        }),
    },
  ];
  const results: string[] = [];
  for (const attempt of attempts) {
    const response = await attempt.send();
    results.push(`${attempt.name} → ${response.status()}`);
  }
  for (const line of results) expect(line, results.join("\n")).toMatch(/→ 4\d\d$/);

  // A plain form post to the page (no action id) reads no body: whatever it answers, not a 5xx.
  const plain = await request.post("/register", { form: { email: "a@example.com", consent: "on", filler: big } });
  expect(plain.status(), "plain POST /register").toBeLessThan(500);
});
