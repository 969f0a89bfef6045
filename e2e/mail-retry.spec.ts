import { expect, test } from "@playwright/test";
import { openMagicLink, register } from "./support/flows";
import { failNextSends, mailjetStats, sentMails, uniqueEmail, waitForMail, magicLinkIn } from "./support/mailbox";
import { waitForMailQueue } from "./support/mail-queue";

// "Nothing is lost when the provider is down": Mailjet failing three times in a row delays the
// sign-in e-mail (retries with back-off, base 1 s in e2e) but it still arrives, exactly once.

test.afterEach(async () => {
  await failNextSends(0); // never leave pending failures for the next spec
});

test("the sign-in e-mail survives three Mailjet failures and arrives exactly once", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("retry");
  const before = await mailjetStats();
  await failNextSends(3);

  await register(page, email);
  const mail = await waitForMail(email, { timeoutMs: 45_000 });

  const after = await mailjetStats();
  expect(after.failed - before.failed, "Mailjet answered 500 three times before accepting").toBe(3);
  expect(after.failuresLeft).toBe(0);

  // A duplicate would come from a retry of the job after the accepted send: once the job has
  // finished, there is none left to come.
  if (!mail.customId) throw new Error("the fake Mailjet recorded no CustomID (the mail id) for this e-mail");
  await waitForMailQueue({ mailId: mail.customId });
  expect(await sentMails(email), "delivered exactly once").toHaveLength(1);

  await test.step("the delayed link still signs in", async () => {
    await openMagicLink(page, magicLinkIn(mail));
  });
});
