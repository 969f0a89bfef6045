import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/mail/inbound/route";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/change-email";
import { registerAccount } from "@/lib/account/register-account";
import { getAppUrl, getEnv } from "@/lib/config/env";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { parseKeyRing } from "@/lib/crypto/keys";
import { prisma } from "@/lib/db/prisma";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { getCustomerThread, listCustomerThreads, replyAsCustomer } from "@/lib/support/customer-threads";
import { openSupportThread } from "@/lib/support/open-thread";
import { newReference, REFERENCE_PATTERN } from "@/lib/support/reference";
import { referenceFromReplyAddress, replyAddressFor } from "@/lib/support/reply-address";
import { addInternalNote, correspondentOfThread, deleteThread, getInboxThread, listInboxThreads, replyAsStaff, resolveInboxSearch, setThreadStatus } from "@/lib/support/staff-inbox";
import { isStaff, setStaffRole } from "@/lib/support/staff-role";
import { UNREADABLE } from "@/lib/support/thread-views";
import type { FakeMailjet, FakeMailjetMessage } from "@/tests/fakes/fake-mailjet";
import { useFakeMailjet } from "@/tests/support/fake-mailjet-env";
import { mailjetParsePayload, type InboundMail } from "@/tests/fakes/mailjet-parse";
import { serveRouteHandler, type RouteServer } from "@/tests/support/webhook-receiver";
import { newAccount, newStaff, settleMailSince, supportRowCounts, uniqueAddress } from "./helpers/support-desk";
import { waitFor, waitForDeliveryJobCompleted } from "@/tests/support/wait-for";

// The support desk end to end below the pages: threads opened through lib/support, mail
// delivered by the real job worker through node-mailjet to the fake Mailjet, customers'
// e-mailed replies posted as Mailjet Parse API payloads over HTTP to the real route handler
// (app/api/mail/inbound/route.ts), everything in a real Postgres.

const INBOUND_SECRET = `inbound-${randomBytes(16).toString("hex")}`;

let mailjet: FakeMailjet;
let inbound: RouteServer;
let staff: { userId: string; email: string };

async function delivered(to: string, count = 1): Promise<FakeMailjetMessage[]> {
  return waitFor(`${count} e-mail(s) to ${to}`, () => {
    const got = mailjet.messages({ to });
    return got.length >= count ? got : undefined;
  });
}

function postInbound(body: unknown, token: string | null = INBOUND_SECRET): Promise<Response> {
  const query = token === null ? "" : `?token=${encodeURIComponent(token)}`;
  return fetch(`${inbound.url}/api/mail/inbound${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const replyFrom = (mail: InboundMail) => postInbound(mailjetParsePayload(mail));

async function threadRow(threadId: string) {
  return prisma.supportThread.findUniqueOrThrow({ where: { id: threadId } });
}

const startedAt = new Date();

beforeAll(async () => {
  ({ mailjet } = await useFakeMailjet({ MAIL_INBOUND_SECRET: INBOUND_SECRET, MAIL_REPLY_DOMAIN: "reply.ministat.test" }));
  expect(getEnv()).toMatchObject({ MAIL_INBOUND_SECRET: INBOUND_SECRET, MAIL_REPLY_DOMAIN: "reply.ministat.test" });
  await startJobWorkers();
  inbound = await serveRouteHandler(POST);
  staff = await newStaff();
});

afterAll(async () => {
  await settleMailSince(startedAt);
  await inbound?.close();
  await stopJobWorkers();
  await mailjet.close();
});

describe("opening a thread", () => {
  it("stores the thread encrypted and mails a confirmation with the reference and the signed reply address", async () => {
    const email = uniqueAddress("visitor", "example.net");
    const subject = `Tracker does not load ${randomBytes(3).toString("hex")}`;
    const message = "The script is blocked on my site, what should I check?";
    const { threadId, reference } = await openSupportThread({ email, subject, message, site: "shop.example.net" });

    expect(reference).toMatch(REFERENCE_PATTERN);
    const row = await threadRow(threadId);
    expect(row).toMatchObject({ reference, userId: null, status: "open", emailIndex: emailBlindIndex(email) });
    expect([decryptField(row.emailEncrypted), decryptField(row.subjectEncrypted), decryptField(row.siteEncrypted!)]).toEqual([email, subject, "shop.example.net"]);
    const messages = await prisma.supportMessage.findMany({ where: { threadId } });
    expect(messages).toHaveLength(1);
    expect(messages[0], "written signed out").toMatchObject({ direction: "customer", channel: "web-anonymous", authorId: null });
    expect(decryptField(messages[0]!.bodyEncrypted)).toBe(message);

    const [confirmation] = await delivered(email);
    expect(confirmation!.subject).toContain(`[${reference}]`);
    expect(confirmation!.text).toContain(reference);
    expect(confirmation!.html).toContain(reference);
    expect(confirmation!.replyTo).toBe(replyAddressFor(reference));
    expect(confirmation!.replyTo).toMatch(new RegExp(`^support\\+${reference.toLowerCase()}\\.[0-9a-f]{12}@reply\\.ministat\\.test$`));
    expect(referenceFromReplyAddress(confirmation!.replyTo!)).toBe(reference);
    expect(confirmation!.text).toContain(`${getAppUrl()}/support`);
    // Nothing the sender typed is mailed back: the form cannot be used to mail text to strangers.
    expect(`${confirmation!.subject} ${confirmation!.text} ${confirmation!.html}`).not.toContain(subject);
    expect(confirmation!.text).not.toContain(message);
    const mail = await prisma.mail.findUniqueOrThrow({ where: { id: messages[0]!.mailId! } });
    expect(mail).toMatchObject({ kind: "support", userId: null, recipientIndex: emailBlindIndex(email) });
  });

  it("links an anonymous message from an account's address to that account; a signed-in customer writes from their own address only", async () => {
    const customer = await newAccount("customer");
    const anonymous = await openSupportThread({ email: `  ${customer.email.toUpperCase()} `, subject: "Invoice address", message: "Please change it." });
    expect((await threadRow(anonymous.threadId)).userId).toBe(customer.userId);

    const signedIn = await openSupportThread({ email: customer.email, subject: "Another question", message: "Hello", userId: customer.userId });
    expect((await threadRow(signedIn.threadId)).userId).toBe(customer.userId);

    // Anyone can type the customer's address into the public form: both views say it was not signed in.
    expect((await getCustomerThread(customer.userId, anonymous.threadId))!.messages).toMatchObject([{ direction: "customer", channel: "web-anonymous", body: "Please change it." }]);
    expect((await getInboxThread(anonymous.threadId))!.thread.messages).toMatchObject([{ direction: "customer", channel: "web-anonymous" }]);
    expect((await getCustomerThread(customer.userId, signedIn.threadId))!.messages).toMatchObject([{ direction: "customer", channel: "web" }]);

    const before = await supportRowCounts();
    await expect(openSupportThread({ email: uniqueAddress("someone-else"), subject: "x", message: "y", userId: customer.userId })).rejects.toThrow(/account's address/);
    await expect(openSupportThread({ email: "not an address", subject: "x", message: "y" })).rejects.toThrow();
    await expect(openSupportThread({ email: uniqueAddress("long"), subject: "x", message: "y".repeat(10_001) })).rejects.toThrow();
    expect(await supportRowCounts()).toEqual(before);
  });
});

describe("staff replies", () => {
  it("go out through Mailjet with the reference and the reply address, quote nothing, and leave the thread waiting", async () => {
    const email = uniqueAddress("asker");
    const subject = "Goals are not counted";
    const { threadId, reference } = await openSupportThread({ email, subject, message: "My signup goal shows zero conversions." });
    await delivered(email);

    const reply = "Hello,\n\nthe goal's page path must start with a slash: /thanks.\n\nBest, Sam";
    expect(await replyAsStaff(staff.userId, threadId, reply)).toEqual({ ok: true });
    expect((await threadRow(threadId)).status).toBe("waiting");

    const mails = await delivered(email, 2);
    const answer = mails.find((m) => m.subject.startsWith("Re:"))!;
    expect(answer.subject).toBe(`Re: ${subject} [${reference}]`);
    expect(answer.replyTo).toBe(replyAddressFor(reference));
    expect(answer.text).toContain("the goal's page path must start with a slash: /thanks.");
    expect(answer.text, "the e-mail quotes nothing of the thread").not.toContain("My signup goal shows zero conversions.");

    const staffMessage = await prisma.supportMessage.findFirstOrThrow({ where: { threadId, direction: "staff" } });
    expect(staffMessage).toMatchObject({ channel: "inbox", authorId: staff.userId });
    expect(answer.customId).toBe(staffMessage.mailId);
    await waitForDeliveryJobCompleted(staffMessage.mailId!);

    const view = await getInboxThread(threadId);
    const shown = view!.thread.messages.find((m) => m.direction === "staff")!;
    expect(shown).toMatchObject({ body: reply, delivery: "sent", authorEmail: staff.email, channel: "inbox" });
    expect(view!.thread.messages[0]).toMatchObject({ direction: "customer", delivery: "received", authorEmail: null });
    expect(view!.thread).toMatchObject({ status: "waiting", lastDirection: "staff", messageCount: 2, email, subject, reference });
    expect(view!.replyGoesTo).toEqual({ email, whose: "thread" });

    expect(await replyAsStaff(staff.userId, "no-such-thread", "Hello")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("staff replies to an account's thread", () => {
  it("go to the account's current address once it changed, and the page's data says so; e-mailed answers from either address are the customer's", async () => {
    const customer = await newAccount("mover");
    const { threadId, reference } = await openSupportThread({ email: customer.email, subject: "Moving mailbox", message: "I am leaving this company.", userId: customer.userId });
    await delivered(customer.email);
    expect((await getInboxThread(threadId))!.replyGoesTo).toEqual({ email: customer.email, whose: "account" });

    // The real change: a link to the new address, opened.
    const newEmail = uniqueAddress("moved");
    const earlier = await openSupportThread({ email: newEmail, subject: "Written before moving", message: "Hello from the new mailbox." });
    expect(await requestEmailChange(customer.userId, newEmail)).toEqual({ ok: true });
    const link = (await delivered(newEmail, 2)).map((m) => /token=([^\s"&<]+)/.exec(m.text)?.[1]).find(Boolean);
    expect(await confirmEmailChange(decodeURIComponent(link!))).toEqual({ ok: true });
    expect((await threadRow(earlier.threadId)).userId, "the new address's earlier thread is linked to the account").toBe(customer.userId);

    const toOld = mailjet.messages({ to: customer.email }).length;
    expect(await replyAsStaff(staff.userId, threadId, "We will write to your new address.")).toEqual({ ok: true });
    const answer = (await delivered(newEmail, 3)).find((m) => m.subject.startsWith("Re:"))!;
    expect(answer.subject).toBe(`Re: Moving mailbox [${reference}]`);
    expect(answer.text).toContain("We will write to your new address.");
    const staffMessage = await prisma.supportMessage.findFirstOrThrow({ where: { threadId, direction: "staff" } });
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: staffMessage.mailId! } })).toMatchObject({ recipientIndex: emailBlindIndex(newEmail), userId: customer.userId });
    await waitForDeliveryJobCompleted(staffMessage.mailId!);
    expect(mailjet.messages({ to: customer.email }), "nothing more to the old address").toHaveLength(toOld);

    const view = await getInboxThread(threadId);
    expect(view!.replyGoesTo).toEqual({ email: newEmail, whose: "account-changed" });
    expect(view!.thread.email, "the thread still shows where it came from").toBe(customer.email);

    // The customer answers from the new address (the account's) and from the old one (the thread's): both are theirs.
    expect((await replyFrom({ to: answer.replyTo!, from: newEmail, text: "Got it at the new address." })).status).toBe(200);
    expect((await replyFrom({ to: answer.replyTo!, from: customer.email, text: "And the old one still forwards." })).status).toBe(200);
    const customerMessages = await prisma.supportMessage.findMany({ where: { threadId, direction: "customer", channel: "email" } });
    expect(customerMessages.map((m) => decryptField(m.bodyEncrypted))).toEqual(["Got it at the new address.", "And the old one still forwards."]);
  });
});

describe("replies by e-mail: POST /api/mail/inbound", () => {
  it("appends the reply without the quoted history, reopens the thread, and stores a repeated post once", async () => {
    const email = uniqueAddress("mailer");
    const { threadId, reference } = await openSupportThread({ email, subject: "Export", message: "How do I export my data?" });
    expect(await replyAsStaff(staff.userId, threadId, "Settings → Export.")).toEqual({ ok: true });
    const answer = (await delivered(email, 2)).find((m) => m.subject.startsWith("Re:"))!;
    expect((await threadRow(threadId)).status).toBe("waiting");

    const payload = mailjetParsePayload({
      to: answer.replyTo!,
      from: email.toUpperCase(),
      fromName: "Dana Mailer",
      subject: answer.subject,
      text: `Found it, thanks!\n\nOn Mon, 1 Dec 2026 at 10:00, MiniStat <${answer.replyTo}> wrote:\n> Settings → Export.\n`,
      html: "<div>Found it, thanks!</div><blockquote>Settings → Export.</blockquote>",
    });
    const response = await postInbound(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });

    const row = await threadRow(threadId);
    expect(row.status).toBe("open");
    const appended = await prisma.supportMessage.findMany({ where: { threadId, channel: "email" } });
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ direction: "customer", authorId: null, mailId: null });
    expect(decryptField(appended[0]!.bodyEncrypted)).toBe("Found it, thanks!");
    expect(row.lastMessageAt.getTime()).toBeGreaterThanOrEqual(appended[0]!.createdAt.getTime());

    // Mailjet posts again when our answer got lost: the reply is stored once.
    const again = await postInbound(payload);
    expect(again.status).toBe(200);
    expect(await prisma.supportMessage.count({ where: { threadId, channel: "email" } })).toBe(1);

    // A reply to a closed thread opens it again; the HTML part is used when there is no text part.
    expect(await setThreadStatus(threadId, "closed")).toEqual({ ok: true });
    const htmlOnly = await replyFrom({ to: replyAddressFor(reference), from: email, html: "<p>One more question: can I export as CSV?</p><blockquote>old</blockquote>" });
    expect(htmlOnly.status).toBe(200);
    expect((await threadRow(threadId)).status).toBe("open");
    const customerView = await getInboxThread(threadId);
    expect(customerView!.thread.messages.at(-1)).toMatchObject({ direction: "customer", channel: "email", body: "One more question: can I export as CSV?", delivery: "received" });
  });

  it("finds the reply address among To and Cc, and notes attachments it does not keep", async () => {
    const email = uniqueAddress("cc");
    const { threadId, reference } = await openSupportThread({ email, subject: "Screenshot", message: "See the next e-mail." });
    const payload = mailjetParsePayload({
      to: "parse-route@parse-in1.mailjet.com",
      cc: `"MiniStat support" <${replyAddressFor(reference)}>`,
      from: email,
      text: "Here is the screenshot.",
      attachments: [{ filename: "screen.png", contentType: "image/png", content: "not really a png" }],
    });
    expect((await postInbound(payload)).status).toBe(200);
    const last = await prisma.supportMessage.findFirstOrThrow({ where: { threadId, channel: "email" } });
    expect(decryptField(last.bodyEncrypted)).toBe("Here is the screenshot.\n\n[1 attachment not kept]");
  });

  it("refuses forged or unknown references, wrong tokens and bad payloads with 4xx, storing nothing", async () => {
    const email = uniqueAddress("target");
    const { threadId, reference } = await openSupportThread({ email, subject: "Target", message: "Original" });
    await delivered(email);
    const good = replyAddressFor(reference);
    const [local, domain] = good.split("@") as [string, string];
    const signature = local.split(".").at(-1)!;
    const forgedSignature = `${local.slice(0, -signature.length)}${signature === "000000000000" ? "111111111111" : "000000000000"}@${domain}`;
    const guessedReference = good.replace(reference.toLowerCase(), "ms-22222222");
    const before = await supportRowCounts();
    const threadBefore = await threadRow(threadId);

    const cases: { what: string; response: Promise<Response>; status: number }[] = [
      { what: "no token", response: postInbound(mailjetParsePayload({ to: good, from: email, text: "x" }), null), status: 401 },
      { what: "wrong token", response: postInbound(mailjetParsePayload({ to: good, from: email, text: "x" }), `${INBOUND_SECRET}x`), status: 401 },
      { what: "empty token", response: postInbound(mailjetParsePayload({ to: good, from: email, text: "x" }), ""), status: 401 },
      { what: "a forged signature", response: replyFrom({ to: forgedSignature, from: email, text: "forged" }), status: 404 },
      { what: "a guessed reference with another thread's signature", response: replyFrom({ to: guessedReference, from: email, text: "guessed" }), status: 404 },
      { what: "a validly signed reference of no thread", response: replyFrom({ to: replyAddressFor("MS-22222222"), from: email, text: "unknown" }), status: 404 },
      { what: "the right local part on another domain", response: replyFrom({ to: `${local}@evil.example`, from: email, text: "other domain" }), status: 404 },
      { what: "no reply address at all", response: replyFrom({ to: "support@reply.ministat.test", from: email, text: "plain" }), status: 404 },
      { what: "an empty reply", response: replyFrom({ to: good, from: email, text: "   " }), status: 422 },
      { what: "a body that is not JSON", response: postInbound("Recipient=x&From=y"), status: 400 },
      { what: "a payload without From", response: postInbound({ Recipient: good, "Text-part": "x" }), status: 400 },
      { what: "a JSON array", response: postInbound([{ Recipient: good, From: email }]), status: 400 },
      { what: "a body over 15 MB", response: postInbound({ Recipient: good, From: email, "Text-part": "x".repeat(15 * 1024 * 1024) }), status: 413 },
    ];
    for (const c of cases) {
      const response = await c.response;
      expect(response.status, c.what).toBe(c.status);
      const body = (await response.json()) as { error?: { code: string; message: string } };
      expect(body.error?.message, c.what).toBeTruthy();
    }

    expect(await supportRowCounts()).toEqual(before);
    expect(await threadRow(threadId)).toEqual(threadBefore);
  }, 60_000);

  it("keeps a reply from another address as an unverified internal note: encrypted, status unchanged, the customer sees nothing, nobody is mailed", async () => {
    const email = uniqueAddress("aliased");
    const { threadId, reference } = await openSupportThread({ email, subject: "From my alias", message: "Question from my main address." });
    await delivered(email);
    expect(await replyAsStaff(staff.userId, threadId, "Here is the answer.")).toEqual({ ok: true });
    await delivered(email, 2);
    const threadBefore = await threadRow(threadId);
    expect(threadBefore.status).toBe("waiting");
    const mailsBefore = await prisma.mail.count();

    const alias = uniqueAddress("alias", "work.example");
    const payload = mailjetParsePayload({ to: replyAddressFor(reference), from: alias, fromName: "Me at work", text: "Thanks, answering from work.\n\n> Here is the answer." });
    const response = await postInbound(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, message: expect.stringMatching(/unverified/i) });

    const notes = await prisma.supportMessage.findMany({ where: { threadId, direction: "note" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ channel: "email", authorId: null, mailId: null });
    expect(decryptField(notes[0]!.bodyEncrypted)).toBe(`Reply from another address, not verified: ${alias}\n\nThanks, answering from work.`);
    expect(notes[0]!.bodyEncrypted, "the other address is not stored in plaintext").not.toContain(alias);
    const rawRows = await prisma.$queryRaw<{ row: string }[]>`SELECT row_to_json(m)::text AS row FROM support_messages m WHERE thread_id = ${threadId}`;
    expect(rawRows.map((r) => r.row).join("\n")).not.toContain(alias.split("@")[0]);
    expect(await threadRow(threadId), "status and last-message time unchanged").toEqual(threadBefore);
    expect(await prisma.supportMessage.count({ where: { threadId, direction: "customer" } })).toBe(1);

    // Mailjet posting it again stores it once.
    expect((await postInbound(payload)).status).toBe(200);
    expect(await prisma.supportMessage.count({ where: { threadId, direction: "note" } })).toBe(1);

    const staffView = await getInboxThread(threadId);
    expect(staffView!.thread.messages.at(-1)).toMatchObject({ direction: "note", channel: "email", authorEmail: null, delivery: null });
    const customer = await registerAccount(email);
    expect(JSON.stringify(await getCustomerThread(customer.userId, threadId))).not.toContain("answering from work");
    expect(await prisma.mail.count(), "nothing is mailed to the other address").toBe(mailsBefore);
    expect(mailjet.messages({ to: alias })).toEqual([]);

    // No text at all is still refused, with nothing stored.
    const empty = await replyFrom({ to: replyAddressFor(reference), from: alias, text: "  " });
    expect(empty.status).toBe(422);
    expect(await prisma.supportMessage.count({ where: { threadId } })).toBe(3);
  });
});

describe("a customer's own threads", () => {
  it("are theirs only: another customer can neither read nor answer them by id, and internal notes stay in the inbox", async () => {
    const alice = await newAccount("alice");
    const bob = await newAccount("bob");
    const { threadId } = await openSupportThread({ email: alice.email, subject: "Alice's question", message: "Hi from Alice", userId: alice.userId });
    const bobs = await openSupportThread({ email: bob.email, subject: "Bob's question", message: "Hi from Bob", userId: bob.userId });

    expect(await getCustomerThread(bob.userId, threadId)).toBeNull();
    expect(await replyAsCustomer(bob.userId, threadId, "I am not Alice")).toEqual({ ok: false, reason: "not-found" });
    expect((await listCustomerThreads(bob.userId)).map((t) => t.id)).toEqual([bobs.threadId]);
    expect(await getCustomerThread(alice.userId, "no-such-thread")).toBeNull();
    expect(await prisma.supportMessage.count({ where: { threadId } })).toBe(1);

    expect(await addInternalNote(staff.userId, threadId, "Alice is on the 100k plan; refund approved.")).toEqual({ ok: true });
    expect(await replyAsStaff(staff.userId, threadId, "We are on it.")).toEqual({ ok: true });
    expect(await addInternalNote(staff.userId, threadId, "Waiting for the payment provider.")).toEqual({ ok: true });

    const seen = await getCustomerThread(alice.userId, threadId);
    expect(seen!.messages.map((m) => m.direction)).toEqual(["customer", "staff"]);
    expect(JSON.stringify(seen)).not.toContain("refund approved");
    expect(JSON.stringify(seen)).not.toContain("payment provider");
    expect(seen).toMatchObject({ messageCount: 2, lastDirection: "staff", status: "waiting", hasAccount: true, email: alice.email });
    expect(seen!.messages[1]).toMatchObject({ body: "We are on it.", authorEmail: null });
    const [summary] = await listCustomerThreads(alice.userId);
    expect(summary).toMatchObject({ id: threadId, messageCount: 2, lastDirection: "staff" });

    const staffSees = await getInboxThread(threadId);
    expect(staffSees!.thread.messages.map((m) => m.direction)).toEqual(["customer", "note", "staff", "note"]);
    expect(staffSees!.thread.messages[1]).toMatchObject({ authorEmail: staff.email, delivery: null, channel: "inbox" });
    expect(staffSees!.thread).toMatchObject({ messageCount: 4, lastDirection: "note" });

    expect(await replyAsCustomer(alice.userId, threadId, "Thanks!")).toEqual({ ok: true });
    expect((await threadRow(threadId)).status).toBe("open");
    expect((await getCustomerThread(alice.userId, threadId))!.messages.at(-1)).toMatchObject({ direction: "customer", channel: "web", body: "Thanks!", delivery: "received" });
  });

  it("include threads written from the account's address before the account existed, not those of another account", async () => {
    const email = uniqueAddress("later");
    const early = await openSupportThread({ email, subject: "Before signing up", message: "Is there a free trial?" });
    expect((await threadRow(early.threadId)).userId).toBeNull();
    const { userId } = await registerAccount(email);
    expect((await listCustomerThreads(userId)).map((t) => t.id)).toEqual([early.threadId]);
    expect((await getCustomerThread(userId, early.threadId))?.hasAccount, "signing up links the address's threads to the account").toBe(true);
    expect((await threadRow(early.threadId)).userId).toBe(userId);
    expect(await deleteThread(early.threadId), "no longer deletable as a thread of nobody's").toEqual({ ok: false, reason: "has-account" });

    // A thread linked to another account that once used this address stays that account's.
    const other = await newAccount("previous-owner");
    const linked = await prisma.supportThread.create({
      data: { reference: newReference(), userId: other.userId, emailEncrypted: encryptField(email), emailIndex: emailBlindIndex(email), subjectEncrypted: encryptField("Old") },
    });
    expect(await getCustomerThread(userId, linked.id)).toBeNull();
    expect(await replyAsCustomer(userId, linked.id, "mine?")).toEqual({ ok: false, reason: "not-found" });
    await prisma.supportThread.delete({ where: { id: linked.id } });
  });
});

describe("the staff inbox", () => {
  it("filters by status, finds threads by address, reference and words, and shows the same address's other threads", async () => {
    const tag = randomBytes(4).toString("hex");
    const email = uniqueAddress("regular");
    const first = await openSupportThread({ email, subject: `Billing ${tag} invoice`, message: "one" });
    const second = await openSupportThread({ email, subject: "Dashboard is slow", message: "two", site: `stats-${tag}.example.org` });
    const third = await openSupportThread({ email: uniqueAddress("other"), subject: `Unrelated ${tag}`, message: "three" });

    const byAddress = await listInboxThreads({ status: "all", query: `  ${email.toUpperCase()} ` });
    expect(byAddress.map((t) => t.id)).toEqual([second.threadId, first.threadId]);
    expect((await listInboxThreads({ status: "all", query: second.reference.toLowerCase() })).map((t) => t.id)).toEqual([second.threadId]);
    expect((await listInboxThreads({ status: "all", query: `INVOICE ${tag}` })).map((t) => t.id)).toEqual([first.threadId]);
    expect((await listInboxThreads({ status: "all", query: `stats-${tag}` })).map((t) => t.id), "words in the site").toEqual([second.threadId]);
    expect((await listInboxThreads({ status: "all", query: tag })).map((t) => t.id).sort()).toEqual([first.threadId, second.threadId, third.threadId].sort());
    expect(await listInboxThreads({ status: "all", query: `nothing-like-this-${tag}` })).toEqual([]);
    expect(await listInboxThreads({ status: "all", query: uniqueAddress("nobody") })).toEqual([]);

    expect(await setThreadStatus(first.threadId, "closed")).toEqual({ ok: true });
    expect(await replyAsStaff(staff.userId, third.threadId, "Answered.")).toEqual({ ok: true });
    const ids = async (status: "open" | "waiting" | "closed" | "all") => (await listInboxThreads({ status, query: tag })).map((t) => t.id);
    expect(await ids("closed")).toEqual([first.threadId]);
    expect(await ids("waiting")).toEqual([third.threadId]);
    expect(await ids("open")).toEqual([second.threadId]);
    expect(await ids("all")).toHaveLength(3);
    const latest = await listInboxThreads({ status: "all", limit: 2 });
    expect(latest).toHaveLength(2);
    expect(latest[0]!.lastMessageAt.getTime()).toBeGreaterThanOrEqual(latest[1]!.lastMessageAt.getTime());

    const view = await getInboxThread(second.threadId);
    expect(view!.thread).toMatchObject({ id: second.threadId, email, site: `stats-${tag}.example.org`, hasAccount: false });
    expect(view!.sameAddress.map((t) => t.id)).toEqual([first.threadId]);
    const fourth = await openSupportThread({ email, subject: "Newest", message: "four" });
    expect((await getInboxThread(second.threadId))!.sameAddress.map((t) => t.id), "newest first").toEqual([fourth.threadId, first.threadId]);
    expect(await getInboxThread("no-such-thread")).toBeNull();

    // "Every thread from this address" by a thread's id: the address stays out of URLs.
    expect((await listInboxThreads({ status: "all", sameAs: first.threadId })).map((t) => t.id)).toEqual([fourth.threadId, second.threadId, first.threadId]);
    expect((await listInboxThreads({ status: "closed", sameAs: second.threadId })).map((t) => t.id), "the tab still applies").toEqual([first.threadId]);
    expect((await listInboxThreads({ status: "all", sameAs: third.threadId, query: tag })).map((t) => t.id), "sameAs wins over a query").toEqual([third.threadId]);
    expect(await listInboxThreads({ status: "all", sameAs: "no-such-thread" })).toEqual([]);
    expect(await correspondentOfThread(second.threadId)).toEqual({ email, hasAccount: false });
    expect(await correspondentOfThread("no-such-thread")).toBeNull();

    // A typed search, as the search box's action resolves it.
    expect(await resolveInboxSearch(` ${email.toUpperCase()} `)).toEqual({ sameAs: fourth.threadId });
    expect(await resolveInboxSearch(uniqueAddress("nobody"))).toEqual({ noThreadFromAddress: true });
    expect(await resolveInboxSearch(` ${second.reference.toLowerCase()} `)).toEqual({ query: second.reference.toLowerCase() });
    expect(await resolveInboxSearch(`invoice ${tag}`)).toEqual({ query: `invoice ${tag}` });
  });

  it("lists an account's threads under earlier addresses with the same thread's correspondent", async () => {
    const customer = await newAccount("many-addresses");
    const own = await openSupportThread({ email: customer.email, subject: "Mine", message: "from my address", userId: customer.userId });
    const oldAddress = uniqueAddress("old-address");
    const underOld = await prisma.supportThread.create({
      data: { reference: newReference(), userId: customer.userId, emailEncrypted: encryptField(oldAddress), emailIndex: emailBlindIndex(oldAddress), subjectEncrypted: encryptField("Old") },
    });
    const stranger = await openSupportThread({ email: uniqueAddress("stranger"), subject: "Not theirs", message: "x" });
    const ids = (await listInboxThreads({ status: "all", sameAs: underOld.id })).map((t) => t.id);
    expect(ids.sort()).toEqual([own.threadId, underOld.id].sort());
    expect(ids).not.toContain(stranger.threadId);
    expect(await correspondentOfThread(underOld.id)).toEqual({ email: oldAddress, hasAccount: true });
  });

  it("shows a thread it cannot decrypt as unreadable instead of failing the whole inbox", async () => {
    const foreignKey = parseKeyRing(`9:${randomBytes(32).toString("base64")}`);
    const email = uniqueAddress("lost-key");
    const row = await prisma.supportThread.create({
      data: { reference: newReference(), emailEncrypted: encryptField(email, foreignKey), emailIndex: emailBlindIndex(email), subjectEncrypted: encryptField("Lost", foreignKey) },
    });
    await prisma.supportMessage.create({ data: { threadId: row.id, direction: "customer", channel: "web", bodyEncrypted: encryptField("Lost body", foreignKey) } });
    const listed = (await listInboxThreads({ status: "all" })).find((t) => t.id === row.id);
    expect(listed).toMatchObject({ subject: UNREADABLE, email: UNREADABLE });
    expect((await getInboxThread(row.id))!.thread.messages[0]!.body).toBe(UNREADABLE);
    expect(await listInboxThreads({ status: "all", query: "unreadable" })).toEqual([]);
    await prisma.supportThread.delete({ where: { id: row.id } });
  });

  it("closes and reopens threads", async () => {
    const { threadId } = await openSupportThread({ email: uniqueAddress("closer"), subject: "Close me", message: "done" });
    expect(await setThreadStatus(threadId, "closed")).toEqual({ ok: true });
    expect((await threadRow(threadId)).status).toBe("closed");
    expect(await setThreadStatus(threadId, "open")).toEqual({ ok: true });
    expect((await threadRow(threadId)).status).toBe("open");
    expect(await setThreadStatus("no-such-thread", "closed")).toEqual({ ok: false, reason: "not-found" });
  });

  it("deletes, on request, a thread of no account with its messages and e-mails; an account's thread is refused", async () => {
    const email = uniqueAddress("forget-me");
    const { threadId } = await openSupportThread({ email, subject: "Please delete", message: "Delete my messages." });
    expect(await replyAsStaff(staff.userId, threadId, "Will do.")).toEqual({ ok: true });
    expect(await addInternalNote(staff.userId, threadId, "Deletion requested.")).toEqual({ ok: true });
    const mailIds = (await prisma.supportMessage.findMany({ where: { threadId }, select: { mailId: true } })).flatMap((m) => (m.mailId ? [m.mailId] : []));
    expect(mailIds).toHaveLength(2);

    expect(await deleteThread(threadId)).toEqual({ ok: true });
    expect(await prisma.supportThread.count({ where: { id: threadId } })).toBe(0);
    expect(await prisma.supportMessage.count({ where: { threadId } })).toBe(0);
    expect(await prisma.mail.count({ where: { id: { in: mailIds } } })).toBe(0);
    expect(await deleteThread(threadId)).toEqual({ ok: false, reason: "not-found" });

    const customer = await newAccount("keeps");
    const kept = await openSupportThread({ email: customer.email, subject: "Mine", message: "Keep", userId: customer.userId });
    expect(await deleteThread(kept.threadId)).toEqual({ ok: false, reason: "has-account" });
    expect(await prisma.supportThread.count({ where: { id: kept.threadId } })).toBe(1);
  });
});

describe("the staff role", () => {
  it("is granted and revoked by address, and refused for an address without an account", async () => {
    const person = await newAccount("helper");
    expect(await isStaff(person.userId)).toBe(false);
    expect(await setStaffRole(` ${person.email.toUpperCase()}`, true)).toEqual({ ok: true });
    expect(await isStaff(person.userId)).toBe(true);
    expect(await setStaffRole(person.email, false)).toEqual({ ok: true });
    expect(await isStaff(person.userId)).toBe(false);
    expect(await setStaffRole(uniqueAddress("no-account"), true)).toEqual({ ok: false, reason: "no-account" });
    expect(await isStaff("no-such-user")).toBe(false);
  });
});
