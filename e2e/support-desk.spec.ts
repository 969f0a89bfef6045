import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { recordTraffic } from "./support/page-traffic";
import { E2E_BASE_URL, E2E_MAIL_INBOUND_SECRET, SESSION_COOKIE } from "./support/e2e-env";
import { openMagicLink, register } from "./support/flows";
import { captureServerAction, replayAction } from "./support/forged-requests";
import { sentMails, uniqueEmail, waitForMagicLink, waitForMail, type SentMail } from "./support/mailbox";
import { grantStaff } from "./support/staff";
import { signUp } from "./support/tracked-site";
import { mailjetParsePayload } from "@/tests/fakes/mailjet-parse";

// Issue 9's support desk, end to end: a signed-out visitor writes twice from one address → a
// staff account (granted by the admin CLI) finds the new thread in the inbox with the earlier one
// beside it → answers; the answer goes out through Mailjet with the thread's reply address → the
// customer's e-mailed answer comes back through the Parse API route → the customer, once signed
// in, sees the whole conversation (without staff notes) under /support, its signed-out messages
// marked as such. A reply from another address is kept as an unverified staff note. No address
// ever appears in an inbox URL. Nobody but staff gets anything but a 404 from /admin, pages or
// actions; /support sets no cookie and contacts no other origin.

const EARLIER = { subject: "Invoices for our accounting", message: "Where do I find last year's invoices?" };
const CURRENT = { subject: "The dashboard shows no visitors", message: "I added the script yesterday but the dashboard still shows 0 visitors.", site: "shop.example.org" };
const STAFF_REPLY = "Hello! The script tag must be inside <head>; could you check that and tell us?";
const NOTE = "Customer is on the trial; script probably in the footer.";
const INBOUND_REPLY = "Thanks, moving it into <head> fixed it. Visitors show up now.";
const CUSTOMER_WEB_REPLY = "One more question: can I export the numbers as CSV?";
const ALIAS_REPLY = "Sent from my phone's other mailbox: it works now.";
const NOT_SIGNED_IN = "sent from the public form, not signed in";

type SupportMail = SentMail & { replyTo: string | null };

/** Fills in and sends the public support form; returns the reference the confirmation shows. */
async function sendSupportMessage(page: Page, input: { email: string; subject: string; message: string; site?: string }): Promise<string> {
  await page.goto("/support");
  await page.getByLabel("E-mail address").fill(input.email);
  if (input.site) await page.getByLabel(/^Your site/).fill(input.site);
  await page.getByLabel("Subject").fill(input.subject);
  await page.getByLabel("Message").fill(input.message);
  await page.getByRole("button", { name: "Send message" }).click();
  const sent = page.getByTestId("support-sent");
  await expect(sent).toContainText("Message sent");
  await expect(sent).toContainText(/We.ve e-mailed you a copy/);
  await expect(sent).toContainText(input.email);
  const reference = (await page.getByTestId("support-reference").innerText()).trim();
  expect(reference).toMatch(/^MS-[0-9A-Z]{8}$/);
  return reference;
}

async function postInbound(payload: unknown, token = E2E_MAIL_INBOUND_SECRET): Promise<globalThis.Response> {
  return fetch(`${E2E_BASE_URL}/api/mail/inbound?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
}

/** Searches the staff inbox through its search box (posted: the URL it lands on must not hold an address). */
async function searchInbox(page: Page, query: string): Promise<void> {
  await page.goto("/admin/support?status=all");
  await page.getByRole("searchbox", { name: "Search threads" }).fill(query);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&](sameAs|noThreadFromAddress|q)=/);
}

function expectNoAddressIn(url: string, address: string): void {
  const decoded = decodeURIComponent(url).toLowerCase();
  expect(decoded, `${url} holds no address`).not.toContain(address.toLowerCase());
  expect(decoded).not.toContain("@");
}

async function expectNotFound(page: Page, path: string, who: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${who}: GET ${path}`).toBe(404);
  await expect(page.getByRole("heading", { name: "Support inbox" })).toHaveCount(0);
}

async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("this context is not signed in");
  return `${cookie.name}=${cookie.value}`;
}

test("a visitor's message reaches the staff inbox beside their earlier thread; the answer goes out by e-mail, the e-mailed reply comes back, and the customer sees it all under /support", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const customerEmail = uniqueEmail("support-customer");
  const strangerEmail = uniqueEmail("support-stranger");

  const customer = await browser.newContext();
  const customerPage = await customer.newPage();

  const earlierReference = await test.step("signed out, the visitor writes a first time; the confirmation e-mail carries the reference", async () => {
    const reference = await sendSupportMessage(customerPage, { email: customerEmail, ...EARLIER });
    const confirmation = await waitForMail(customerEmail);
    expect(`${confirmation.subject}\n${confirmation.text}`).toContain(reference);
    return reference;
  });

  const reference = await test.step("…and again, about a site, from the same address; still no cookie", async () => {
    await customerPage.goto("/support");
    await customerPage.screenshot({ path: testInfo.outputPath("support-form.png"), fullPage: true });
    const ref = await sendSupportMessage(customerPage, { email: customerEmail, ...CURRENT });
    expect(ref).not.toBe(earlierReference);
    const confirmation = await waitForMail(customerEmail, { alreadySeen: 1 });
    expect(`${confirmation.subject}\n${confirmation.text}`).toContain(ref);
    await customerPage.screenshot({ path: testInfo.outputPath("support-sent.png"), fullPage: true });
    expect(await customer.cookies(), "sending a support message sets no cookie").toEqual([]);
    return ref;
  });

  const stranger = await browser.newContext();
  await test.step("someone without an account writes too (their thread is deleted on request below)", async () => {
    await sendSupportMessage(await stranger.newPage(), { email: strangerEmail, subject: "Please delete my message", message: "I wrote to the wrong company, sorry." });
  });

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const staffEmail = await test.step("a new account is not staff: the inbox is a 404 for it", async () => {
    const email = await signUp(staffPage, "support-staff");
    await expectNotFound(staffPage, "/admin/support", "a customer");
    return email;
  });

  await test.step("npm run admin:grant makes it staff", async () => {
    await grantStaff(staffEmail);
  });

  const threadPath = await test.step("the inbox lists the new thread; it shows the same address's earlier one", async () => {
    await staffPage.goto("/admin/support");
    await expect(staffPage.getByRole("heading", { level: 1, name: "Support inbox" })).toBeVisible();
    const row = staffPage.getByTestId("thread-row").filter({ hasText: reference });
    await expect(row).toContainText(CURRENT.subject);
    await expect(row).toContainText(customerEmail);
    await expect(row).toContainText("Open");
    await staffPage.screenshot({ path: testInfo.outputPath("support-inbox.png"), fullPage: true });

    await row.getByRole("link").click();
    await expect(staffPage.getByRole("heading", { level: 1, name: CURRENT.subject })).toBeVisible();
    await expect(staffPage.getByTestId("message-customer").filter({ hasText: CURRENT.message })).toBeVisible();
    await expect(staffPage.getByTestId("message-customer").filter({ hasText: CURRENT.message }).getByTestId("message-channel")).toHaveText(NOT_SIGNED_IN);
    await expect(staffPage.getByText(CURRENT.site).first()).toBeVisible();
    await expect(staffPage.getByTestId("reply-goes-to")).toContainText(customerEmail);
    await expect(staffPage.getByTestId("reply-goes-to")).toContainText("the address this thread came from");
    const earlier = staffPage.getByRole("region", { name: "Earlier conversations from this address" });
    await expect(earlier.getByTestId("thread-row").filter({ hasText: earlierReference })).toContainText(EARLIER.subject);
    return new URL(staffPage.url()).pathname;
  });

  await test.step("“every thread from this address” links by thread id, never by address", async () => {
    await staffPage.goto(threadPath);
    await staffPage.getByRole("link", { name: customerEmail, exact: true }).click();
    await expect(staffPage).toHaveURL(new RegExp(`[?&]sameAs=${threadPath.split("/").at(-1)}`));
    expectNoAddressIn(staffPage.url(), customerEmail);
    await expect(staffPage.getByTestId("thread-row")).toHaveCount(2);
    await expect(staffPage.getByRole("region", { name: "Threads" })).toContainText(`2 threads from ${customerEmail}`);
  });

  await test.step("searching by the address finds both threads; the URL holds no address", async () => {
    await searchInbox(staffPage, customerEmail.toUpperCase());
    await expect(staffPage).toHaveURL(/[?&]sameAs=/);
    expectNoAddressIn(staffPage.url(), customerEmail);
    await expect(staffPage.getByTestId("thread-row")).toHaveCount(2);
    await expect(staffPage.getByTestId("thread-row").filter({ hasText: earlierReference })).toHaveCount(1);
    await expect(staffPage.getByTestId("thread-row").filter({ hasText: reference })).toHaveCount(1);
    await expect(staffPage.getByRole("searchbox", { name: "Search threads" })).toHaveValue(customerEmail);

    await searchInbox(staffPage, uniqueEmail("support-nobody"));
    expectNoAddressIn(staffPage.url(), "support-nobody");
    await expect(staffPage.getByText("No thread comes from that address.")).toBeVisible();

    await searchInbox(staffPage, reference.toLowerCase());
    await expect(staffPage).toHaveURL(/[?&]q=/);
    await expect(staffPage.getByTestId("thread-row")).toHaveCount(1);
    await expect(staffPage.getByTestId("thread-row")).toContainText(CURRENT.subject);

    await staffPage.goto(`/admin/support?status=all&q=${encodeURIComponent(customerEmail)}`);
    await expect(staffPage.getByTestId("thread-row"), "an address put in the URL by hand is not searched").toHaveCount(0);
  });

  const replyMail = await test.step("staff reply; Mailjet gets it with the thread's reply address", async () => {
    const before = (await sentMails(customerEmail)).length;
    await staffPage.goto(threadPath);
    await staffPage.getByLabel("Reply to the customer").fill(STAFF_REPLY);
    await staffPage.getByRole("button", { name: "Send reply" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "Reply stored" })).toBeVisible();
    await expect(staffPage.getByTestId("message-staff").filter({ hasText: STAFF_REPLY })).toBeVisible();
    await expect(staffPage.getByTestId("thread-status")).toHaveText("Waiting for customer");

    const mail = (await waitForMail(customerEmail, { alreadySeen: before })) as SupportMail;
    expect(mail.text).toContain(STAFF_REPLY);
    expect(mail.replyTo, "the reply address holds the thread's reference").toBeTruthy();
    expect(mail.replyTo?.toLowerCase()).toContain(reference.toLowerCase());
    expect(mail.replyTo).toMatch(/^support\+[^@]+@reply\.ministat\.eu$/i);

    await expect
      .poll(
        async () => {
          await staffPage.reload();
          return staffPage.getByTestId("message-staff").getByTestId("delivery-status").innerText();
        },
        { message: "the reply shows as e-mailed once Mailjet accepted it" },
      )
      .toBe("E-mailed");
    return mail;
  });

  await test.step("an internal note stays in the inbox", async () => {
    await staffPage.getByLabel("Note for staff").fill(NOTE);
    await staffPage.getByRole("button", { name: "Add note" }).click();
    await expect(staffPage.getByTestId("message-note").filter({ hasText: NOTE })).toBeVisible();
    await staffPage.screenshot({ path: testInfo.outputPath("support-thread.png"), fullPage: true });
  });

  await test.step("the customer's e-mailed answer, posted by the Parse API, lands in the thread and opens it again", async () => {
    if (!replyMail.replyTo) throw new Error("unreachable: checked above");
    const payload = mailjetParsePayload({
      from: customerEmail,
      fromName: "Customer",
      to: replyMail.replyTo,
      subject: `Re: ${replyMail.subject}`,
      text: `${INBOUND_REPLY}\n\nOn Monday, MiniStat support wrote:\n> ${STAFF_REPLY}\n`,
    });

    expect((await postInbound(payload, "not-the-secret-but-long-enough-0000")).status, "a wrong token").toBe(401);
    const forged = replyMail.replyTo.replace(/\.([0-9a-f]+)@/i, (_m, signature: string) => `.${signature.replace(/./g, "0")}@`);
    const forgedAnswer = await postInbound(mailjetParsePayload({ from: customerEmail, to: forged, subject: `Re: ${replyMail.subject}`, text: "Forged." }));
    expect(forgedAnswer.status, "a forged reply address").toBeGreaterThanOrEqual(400);
    expect(forgedAnswer.status).toBeLessThan(500);

    const accepted = await postInbound(payload);
    expect(accepted.status, await accepted.clone().text()).toBe(200);

    await staffPage.goto(threadPath);
    await expect(staffPage.getByTestId("message-customer").filter({ hasText: INBOUND_REPLY })).toBeVisible();
    await expect(staffPage.getByTestId("message-customer").filter({ hasText: INBOUND_REPLY })).toContainText("by e-mail");
    await expect(staffPage.getByTestId("message-customer"), "the forged reply created nothing").toHaveCount(2);
    await expect(staffPage.getByTestId("thread-status")).toHaveText("Open");
  });

  await test.step("a reply from another address is kept as an unverified staff note; the status does not change", async () => {
    if (!replyMail.replyTo) throw new Error("unreachable: checked above");
    const alias = uniqueEmail("support-alias");
    const response = await postInbound(mailjetParsePayload({ from: alias, to: replyMail.replyTo, subject: `Re: ${replyMail.subject}`, text: ALIAS_REPLY }));
    expect(response.status, await response.clone().text()).toBe(200);
    await staffPage.goto(threadPath);
    const note = staffPage.getByTestId("message-note").filter({ hasText: ALIAS_REPLY });
    await expect(note).toContainText(`Reply from another address, not verified: ${alias}`);
    await expect(note).toContainText("by e-mail");
    await expect(staffPage.getByTestId("message-customer")).toHaveCount(2);
    await expect(staffPage.getByTestId("thread-status")).toHaveText("Open");
  });

  await test.step("a thread without an account is deleted on request, after a confirmation", async () => {
    await searchInbox(staffPage, strangerEmail);
    await staffPage.getByTestId("thread-row").getByRole("link").click();
    await staffPage.getByRole("button", { name: "Delete thread…" }).click();
    await expect(staffPage.getByRole("button", { name: "Cancel" })).toBeFocused();
    await staffPage.getByRole("button", { name: "Delete permanently" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "were deleted" })).toBeVisible();
    await searchInbox(staffPage, strangerEmail);
    await expect(staffPage.getByText("No thread comes from that address.")).toBeVisible();
    await expect(staffPage.getByTestId("thread-row")).toHaveCount(0);
  });

  await test.step("the customer registers with that address, signs in, and finds both conversations under /support", async () => {
    const before = (await sentMails(customerEmail)).length;
    await register(customerPage, customerEmail);
    await openMagicLink(customerPage, await waitForMagicLink(customerEmail, { alreadySeen: before }));
    await customerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" }).click();
    await expect(customerPage.getByRole("heading", { level: 1, name: "Help" })).toBeVisible();
    await expect(customerPage.getByLabel("E-mail address")).toHaveValue(customerEmail);
    await expect(customerPage.getByLabel("E-mail address")).not.toBeEditable();
    const conversations = customerPage.getByRole("region", { name: "Your conversations" });
    await expect(conversations.getByTestId("thread-row").filter({ hasText: earlierReference })).toContainText(EARLIER.subject);
    await expect(conversations.getByTestId("thread-row").filter({ hasText: reference })).toContainText("Open");
    await customerPage.screenshot({ path: testInfo.outputPath("support-signed-in.png"), fullPage: true });
  });

  await test.step("the conversation is whole: the question, the answer, the e-mailed reply — and no staff note", async () => {
    await customerPage.getByRole("link", { name: new RegExp(CURRENT.subject) }).click();
    await expect(customerPage).toHaveURL(new RegExp(`/support/${threadPath.split("/").at(-1)}$`));
    await expect(customerPage.getByRole("heading", { level: 1, name: CURRENT.subject })).toBeVisible();
    await expect(customerPage.getByTestId("message-customer").filter({ hasText: CURRENT.message })).toBeVisible();
    await expect(customerPage.getByTestId("message-customer").filter({ hasText: CURRENT.message }).getByTestId("message-channel"), "written signed out: marked so").toHaveText(NOT_SIGNED_IN);
    await expect(customerPage.getByTestId("message-staff").filter({ hasText: STAFF_REPLY })).toBeVisible();
    await expect(customerPage.getByTestId("message-customer").filter({ hasText: INBOUND_REPLY })).toBeVisible();
    await expect(customerPage.getByText(NOTE)).toHaveCount(0);
    await expect(customerPage.getByText(ALIAS_REPLY), "the unverified reply is a staff note").toHaveCount(0);
    await expect(customerPage.getByTestId("message-note")).toHaveCount(0);
    await customerPage.screenshot({ path: testInfo.outputPath("support-customer-thread.png"), fullPage: true });
  });

  await test.step("the customer answers on the page; staff see it", async () => {
    await customerPage.getByLabel("Your reply").fill(CUSTOMER_WEB_REPLY);
    await customerPage.getByRole("button", { name: "Send reply" }).click();
    await expect(customerPage.getByTestId("message-customer").filter({ hasText: CUSTOMER_WEB_REPLY })).toBeVisible();
    await expect(customerPage.getByTestId("message-customer").filter({ hasText: CUSTOMER_WEB_REPLY }).getByTestId("message-channel")).toHaveText("via the support form");
    await staffPage.goto(threadPath);
    await expect(staffPage.getByTestId("message-customer").filter({ hasText: CUSTOMER_WEB_REPLY })).toBeVisible();
  });

  await test.step("someone else's conversation is a 404 under /support, even for staff", async () => {
    const response = await staffPage.goto(`/support/${threadPath.split("/").at(-1)}`);
    expect(response?.status()).toBe(404);
    await expect(staffPage.getByText(CURRENT.message)).toHaveCount(0);
  });

  await test.step("a customer and a signed-out visitor get a 404 from every admin page", async () => {
    const signedOut = await browser.newContext();
    const signedOutPage = await signedOut.newPage();
    for (const path of ["/admin/support", "/admin/support?status=all", threadPath, "/admin/support/not-a-thread"]) {
      await expectNotFound(customerPage, path, "a customer");
      await expectNotFound(signedOutPage, path, "a signed-out visitor");
    }
    expect(await signedOut.cookies(), "the 404s set no cookie").toEqual([]);
    await signedOut.close();
  });

  await test.step("…and from every admin action, which then changes nothing", async () => {
    const forgedNote = `Forged note ${Date.now()}`;
    await staffPage.goto(threadPath);
    await staffPage.getByLabel("Note for staff").fill(forgedNote);
    const action = await captureServerAction(staffPage, () => staffPage.getByRole("button", { name: "Add note" }).click());

    const asCustomer = await replayAction(action, { cookie: await sessionCookieOf(customer) });
    expect(asCustomer.status, "the note action, posted with a customer's session").toBe(404);
    const asNobody = await replayAction(action, { cookie: null });
    expect(asNobody.status, "the note action, posted with no session").toBe(404);
    await staffPage.goto(threadPath);
    await expect(staffPage.getByText(forgedNote)).toHaveCount(0);

    const asStaff = await replayAction(action, {});
    expect(asStaff.status, "the same request with the staff session works").toBe(200);
    await staffPage.reload();
    await expect(staffPage.getByTestId("message-note").filter({ hasText: forgedNote })).toHaveCount(1);

    await staffPage.goto("/admin/support?status=all");
    await staffPage.getByRole("searchbox", { name: "Search threads" }).fill(customerEmail);
    const search = await captureServerAction(staffPage, () => staffPage.getByRole("button", { name: "Search" }).click());
    expect((await replayAction(search, { cookie: await sessionCookieOf(customer) })).status, "the search action, posted with a customer's session").toBe(404);
    expect((await replayAction(search, { cookie: null })).status, "the search action, posted with no session").toBe(404);
  });

  await Promise.all([customer.close(), stranger.close(), staff.close()]);
});

test("/support sets no cookie for a signed-out visitor and loads nothing from another origin, also once the form is started", async ({ page, context }) => {
  const traffic = recordTraffic(page);
  const response = await page.goto("/support", { waitUntil: "load" });
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "How can we help?" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const own = (url: string) => url === E2E_BASE_URL || url.startsWith(`${E2E_BASE_URL}/`) || url.startsWith("data:") || url.startsWith("blob:");
  expect(traffic.requests.filter((url) => !own(url)), "requests to other origins").toEqual([]);

  // Starting on the form is what would load the captcha (when keys are set; the e2e server has none).
  await page.getByLabel("E-mail address").focus();
  await page.getByLabel("Subject").fill("Just looking");
  await page.waitForLoadState("networkidle");
  expect(traffic.requests.filter((url) => !own(url)), "requests to other origins, keys unset").toEqual([]);
  expect(await context.cookies(), "cookie jar").toEqual([]);
  expect(await traffic.setCookieHeaders(), "Set-Cookie headers").toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe("");
});
