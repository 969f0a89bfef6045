import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { deliverMail } from "@/lib/mail/deliver-mail";
import { requeueStrandedMails, sendMail, storeMail } from "@/lib/mail/send-mail";
import { startFakeMailjet, type FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { drainQueuedMail, useFakeMailjet } from "@/tests/support/fake-mailjet-env";
import { waitFor, waitForDeliveryJobCompleted } from "@/tests/support/wait-for";

// "When Mailjet answers 5xx or is down, the e-mail is sent later, not lost": sendMail stores the
// message and a pg-boss job; the real job worker delivers it through the real node-mailjet client
// to a local fake of the Send API, retrying with back-off (MAIL_RETRY_DELAY_SECONDS=1 in tests).

let KEY: string;
let SECRET: string;

let mailjet: FakeMailjet;
let port: number;

const recipient = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

beforeAll(async () => {
  const fake = await useFakeMailjet({ MAIL_FROM: "MiniStat <hello@ministat.eu>" });
  ({ mailjet, apiKey: KEY, apiSecret: SECRET } = fake);
  port = Number(new URL(mailjet.url).port);
  expect(getEnv()).toMatchObject({ MAIL_RETRY_DELAY_SECONDS: 1 });
  await startJobWorkers();
  await drainQueuedMail();
  mailjet.reset();
});

afterAll(async () => {
  await stopJobWorkers();
  await mailjet.close();
});

describe("mail delivery with retries", () => {
  it("delivers exactly once, intact, when Mailjet fails the first three sends", async () => {
    const to = recipient("retry");
    const message = {
      to,
      subject: `Your sign-in link — Grüße ✓ ${randomUUID().slice(0, 6)}`,
      text: "Hello!\n\nSign in: http://localhost:3000/api/auth/callback/email?token=abc&callbackUrl=%2Fdashboard\n\n— MiniStat\n",
      html: '<p>Hello &amp; welcome — <a href="http://localhost:3000/x?a=1&amp;b=2">Sign in</a> ✓</p>',
    };
    mailjet.failNext(3);
    const started = Date.now();
    const mailId = await sendMail(message, { kind: "notice" });

    const received = await waitFor("the message to arrive", () => {
      const got = mailjet.messages({ to });
      return got.length > 0 ? got : undefined;
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(30_000);

    await waitForDeliveryJobCompleted(mailId);

    expect(mailjet.messages({ to }), "delivered exactly once").toHaveLength(1);
    expect(received[0]).toMatchObject({ to, subject: message.subject, text: message.text, html: message.html, from: "hello@ministat.eu", customId: mailId });
    expect(mailjet.stats()).toMatchObject({ failed: 3, accepted: 1 });

    const row = await prisma.mail.findUniqueOrThrow({ where: { id: mailId } });
    expect(row).toMatchObject({ status: "sent", attempts: 4, lastError: null, transport: "mailjet" });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.payload, "stored encrypted, not as the plain message").not.toContain(to);
  }, 60_000);

  it("keeps the mail queued while Mailjet is down and delivers it once Mailjet is back", async () => {
    mailjet.reset();
    await mailjet.close(); // connection refused from now on
    const to = recipient("down");
    const message = { to, subject: "Delivered after an outage", text: "Still here.", html: "<p>Still here.</p>" };
    const mailId = await sendMail(message, { kind: "notice" });

    const failing = await waitFor("a failed attempt to be recorded", async () => {
      const row = await prisma.mail.findUnique({ where: { id: mailId } });
      return row && row.attempts >= 2 ? row : undefined;
    });
    expect(failing.status).toBe("queued");
    expect(failing.lastError).toMatch(/Mailjet request failed/);
    expect(failing.lastError, "errors never carry the address (they end up in logs)").not.toContain(to);
    expect(failing.sentAt).toBeNull();

    mailjet = await startFakeMailjet({ port, apiKey: KEY, apiSecret: SECRET });
    const received = await waitFor("the message to arrive after the outage", () => {
      const got = mailjet.messages({ to });
      return got.length > 0 ? got : undefined;
    });
    await waitForDeliveryJobCompleted(mailId);

    expect(mailjet.messages({ to })).toHaveLength(1);
    expect(received[0]).toMatchObject({ subject: message.subject, text: message.text, html: message.html, customId: mailId });
    const row = await prisma.mail.findUniqueOrThrow({ where: { id: mailId } });
    expect(row).toMatchObject({ status: "sent", lastError: null });
    expect(row.attempts).toBeGreaterThanOrEqual(failing.attempts + 1);
  }, 60_000);

  it("passes Reply-To and custom headers to Mailjet", async () => {
    mailjet.reset();
    const to = recipient("headers");
    const headers = { "List-Unsubscribe": "<https://ministat.example/reports/unsubscribe/t0k3n>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    const mailId = await sendMail({ to, subject: "With headers", text: "Hi", html: "<p>Hi</p>", replyTo: "support+ms-abc.sig@reply.ministat.eu", headers }, { kind: "notice" });
    await waitFor("the message to arrive", () => (mailjet.messages({ to }).length > 0 ? true : undefined));
    await waitForDeliveryJobCompleted(mailId);
    expect(mailjet.messages({ to })[0]).toMatchObject({ replyTo: "support+ms-abc.sig@reply.ministat.eu", headers });
  }, 30_000);

  it("delivers, once, a mail whose process died between the commit and the enqueue", async () => {
    mailjet.reset();
    const to = recipient("stranded");
    const mailId = await prisma.$transaction((tx) => storeMail(tx, { to, subject: "Stranded", text: "Found again.", html: "<p>Found again.</p>" }, { kind: "notice" }));
    await prisma.$executeRaw`UPDATE mails SET created_at = created_at - interval '10 minutes' WHERE id = ${mailId}`;

    expect(await requeueStrandedMails()).toBe(1);
    expect(await requeueStrandedMails(), "a mail with a job is not requeued again").toBe(0);
    await waitFor("the stranded message to arrive", () => (mailjet.messages({ to }).length > 0 ? true : undefined));
    await waitForDeliveryJobCompleted(mailId);
    expect(await requeueStrandedMails()).toBe(0);
    expect(mailjet.messages({ to })).toHaveLength(1);
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: mailId } })).toMatchObject({ status: "sent" });
  }, 30_000);

  it("one mail Mailjet refuses does not hold up the others of its batch", async () => {
    mailjet.reset();
    const to = recipient("batch-good");
    const refusedId = await sendMail({ to: "not-an-address", subject: "Refused", text: "x", html: "<p>x</p>" }, { kind: "notice" });
    const goodId = await sendMail({ to, subject: "Delivered beside a refused one", text: "y", html: "<p>y</p>" }, { kind: "notice" });
    await waitFor("the good message to arrive", () => (mailjet.messages({ to }).length > 0 ? true : undefined));
    await waitForDeliveryJobCompleted(goodId);
    const jobs = await prisma.$queryRaw<{ singleton_key: string; state: string; retry_count: number }[]>`
      SELECT singleton_key, state::text, retry_count FROM pgboss.job WHERE name = ${QUEUES.sendMail} AND singleton_key IN (${goodId}, ${refusedId})`;
    expect(jobs.find((j) => j.singleton_key === goodId)).toMatchObject({ state: "completed", retry_count: 0 });
    expect(jobs.find((j) => j.singleton_key === refusedId)?.state).toMatch(/^(retry|active|failed)$/);
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: refusedId } })).toMatchObject({ status: "queued", lastError: expect.stringMatching(/status 400/) });
    await prisma.mail.delete({ where: { id: refusedId } }); // its retries then find nothing to send
  }, 30_000);

  it("two deliveries of one mail at once send it once (the row is locked for an attempt)", async () => {
    mailjet.reset();
    const to = recipient("twice");
    const mailId = await prisma.$transaction((tx) => storeMail(tx, { to, subject: "Once", text: "Once.", html: "<p>Once.</p>" }, { kind: "notice" }));
    await Promise.all([deliverMail(mailId), deliverMail(mailId), deliverMail(mailId)]);
    expect(mailjet.messages({ to })).toHaveLength(1);
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: mailId } })).toMatchObject({ status: "sent", attempts: 1 });
    await deliverMail(mailId);
    expect(mailjet.messages({ to }), "a sent mail is not sent again").toHaveLength(1);
  }, 30_000);

  it("marks a mail failed when its last retry fails, and the sweep leaves it alone", async () => {
    mailjet.reset();
    const mailId = await prisma.$transaction((tx) => storeMail(tx, { to: "still-not-an-address", subject: "Never", text: "x", html: "<p>x</p>" }, { kind: "notice" }));
    await enqueue(QUEUES.sendMail, { mailId }, { retryLimit: 0, singletonKey: mailId });
    const failed = await waitFor("the mail to be marked failed", async () => {
      const row = await prisma.mail.findUniqueOrThrow({ where: { id: mailId } });
      return row.status === "failed" ? row : undefined;
    });
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/status 400/) });
    await prisma.$executeRaw`UPDATE mails SET created_at = created_at - interval '10 minutes' WHERE id = ${mailId}`;
    expect(await requeueStrandedMails()).toBe(0);
  }, 30_000);
});
