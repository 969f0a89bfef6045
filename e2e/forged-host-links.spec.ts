import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./support/e2e-env";
import { openMagicLink, register } from "./support/flows";
import { captureServerAction, replayAction, sendRaw } from "./support/forged-requests";
import { magicLinkIn, sentMails, uniqueEmail, waitForMail, waitForMagicLink } from "./support/mailbox";

// Issue 7, finding 1: a sign-in request with a forged Host or X-Forwarded-Host made MiniStat
// e-mail the owner a working link to the forger's host. Every link we send is built on
// APP_URL: a forged request is refused (its Origin names another site) or, without an
// Origin, gets a link on APP_URL like anyone else. The mails are read from the fake Mailjet.

const EVIL_HOST = "evil.example";
const EVIL_ORIGIN = `http://${EVIL_HOST}`;

const FORGERIES: { name: string; headers: Record<string, string> }[] = [
  { name: "Host", headers: { host: EVIL_HOST } },
  { name: "X-Forwarded-Host", headers: { "x-forwarded-host": EVIL_HOST } },
  { name: "Host and X-Forwarded-Host", headers: { host: EVIL_HOST, "x-forwarded-host": EVIL_HOST, "x-forwarded-proto": "https" } },
];

function expectOnAppUrl(link: string, path: string): void {
  expect(link.startsWith(`${E2E_BASE_URL}${path}?`), link).toBe(true);
  expect(link).not.toContain(EVIL_HOST);
}

test("a sign-in request with a forged Host or X-Forwarded-Host gets no link to that host", async ({ page }) => {
  const email = uniqueEmail("forged-host");
  await register(page, email);
  await waitForMagicLink(email);

  await page.goto("/login");
  await page.getByLabel("E-mail address").fill(email);
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Email me a sign-in link" }).click());
  expect(action.headers.origin).toBe(E2E_BASE_URL);

  for (const forgery of FORGERIES) {
    await test.step(`${forgery.name} forged, Origin to match: refused before anything is sent`, async () => {
      const before = (await sentMails(email)).length;
      const refused = await replayAction(action, { ...forgery.headers, origin: EVIL_ORIGIN });
      expect(refused.status, refused.body).toBe(403);
      // A request that is answered is processed in order: the next accepted one shows what was sent.
      const accepted = await replayAction(action, {});
      expect(accepted.status, accepted.body).toBe(200);
      const mail = await waitForMail(email, { alreadySeen: before });
      expectOnAppUrl(magicLinkIn(mail), "/api/auth/callback/email");
      expect(await sentMails(email), "the refused request sent nothing").toHaveLength(before + 1);
    });

    await test.step(`${forgery.name} forged, no Origin (a hand-made request): the link is on APP_URL`, async () => {
      const before = (await sentMails(email)).length;
      const response = await replayAction(action, { ...forgery.headers, origin: null });
      expect(response.status, response.body).toBe(200);
      const mail = await waitForMail(email, { alreadySeen: before });
      expect(mail.text).not.toContain(EVIL_HOST);
      expect(mail.html).not.toContain(EVIL_HOST);
      expectOnAppUrl(magicLinkIn(mail), "/api/auth/callback/email");
    });
  }

  await test.step("the link opened with a forged Host still redirects to APP_URL", async () => {
    const link = magicLinkIn((await sentMails(email)).at(-1)!);
    const url = new URL(link);
    const response = await sendRaw({ path: `${url.pathname}${url.search}`, headers: { host: EVIL_HOST, "x-forwarded-host": EVIL_HOST } });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${E2E_BASE_URL}/dashboard`);
  });
});

test("an e-mail change requested with a forged Host or X-Forwarded-Host sends its link on APP_URL", async ({ page }) => {
  const email = uniqueEmail("forged-change");
  const newEmail = uniqueEmail("forged-change-new");
  await register(page, email);
  await openMagicLink(page, await waitForMagicLink(email));

  await page.goto("/settings");
  await page.getByLabel("New e-mail address").fill(newEmail);
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Change e-mail address" }).click());
  expect(action.headers.cookie, "the captured request carries the session").toMatch(/ministat\.session=/);

  for (const forgery of FORGERIES) {
    await test.step(`${forgery.name} forged, Origin to match: refused`, async () => {
      const refused = await replayAction(action, { ...forgery.headers, origin: EVIL_ORIGIN });
      expect(refused.status, refused.body).toBe(403);
    });

    await test.step(`${forgery.name} forged, no Origin: the confirmation link is on APP_URL`, async () => {
      const before = (await sentMails(newEmail)).length;
      const response = await replayAction(action, { ...forgery.headers, origin: null });
      expect(response.status, response.body).toBe(200);
      const mail = await waitForMail(newEmail, { alreadySeen: before });
      const link = /https?:\/\/\S+\/settings\/email\/confirm\?token=[^\s"'<>]+/.exec(mail.text)?.[0] ?? "";
      expectOnAppUrl(link, "/settings/email/confirm");
      expect(mail.html).not.toContain(EVIL_HOST);
    });
  }
});
