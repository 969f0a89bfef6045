import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Mail retries every second in this file (set before anything reads the environment).
process.env.MAIL_RETRY_DELAY_SECONDS = "1";

import { getEnv } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { openSupportThread } from "@/lib/support/open-thread";
import { replyAddressFor } from "@/lib/support/reply-address";
import { getInboxThread, replyAsStaff } from "@/lib/support/staff-inbox";
import { startFakeMailjet, type FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { drainQueuedMail, useFakeMailjet } from "@/tests/support/fake-mailjet-env";
import { newStaff, settleMailSince, uniqueAddress } from "./helpers/support-desk";
import { waitFor, waitForDeliveryJobCompleted } from "@/tests/support/wait-for";

// "Mailjet failing for a while → replies go out once it recovers; none lost, none doubled."
// Staff replies are stored with their e-mail; the real job worker delivers them through the
// real node-mailjet client to the fake, which first answers 500 and then is not there at all.

let KEY: string;
let SECRET: string;

let mailjet: FakeMailjet;
let port: number;
let staffId: string;

/** The staff replies' mail ids, in the order they were written. */
async function staffMailIds(threadIds: string[]): Promise<string[]> {
  const rows = await prisma.supportMessage.findMany({ where: { threadId: { in: threadIds }, direction: "staff" }, orderBy: { createdAt: "asc" }, select: { mailId: true } });
  return rows.map((r) => r.mailId!);
}

async function openThreads(n: number): Promise<{ threadId: string; reference: string; email: string }[]> {
  const threads = [];
  for (let i = 0; i < n; i++) {
    const email = uniqueAddress(`retry-${i}`);
    threads.push({ email, ...(await openSupportThread({ email, subject: `Question ${i}`, message: `Message ${i}` })) });
  }
  return threads;
}

const startedAt = new Date();

beforeAll(async () => {
  const fake = await useFakeMailjet();
  ({ mailjet, apiKey: KEY, apiSecret: SECRET } = fake);
  port = Number(new URL(mailjet.url).port);
  expect(getEnv()).toMatchObject({ MAIL_RETRY_DELAY_SECONDS: 1 });
  await startJobWorkers();
  await drainQueuedMail();
  mailjet.reset();
  staffId = (await newStaff()).userId;
});

afterAll(async () => {
  await settleMailSince(startedAt);
  await stopJobWorkers();
  await mailjet.close();
});

describe("staff replies while Mailjet fails", () => {
  it("go out once Mailjet answers again after 500s: each exactly once, then shown as sent", async () => {
    const threads = await openThreads(3);
    // The confirmations first, so that the failures below hit the replies.
    for (const t of threads) await waitFor(`the confirmation to ${t.email}`, () => (mailjet.messages({ to: t.email }).length === 1 ? true : undefined));

    mailjet.failNext(5);
    for (const [i, t] of threads.entries()) expect(await replyAsStaff(staffId, t.threadId, `Answer ${i}: try again now.`)).toEqual({ ok: true });
    const mailIds = await staffMailIds(threads.map((t) => t.threadId));
    expect(mailIds).toHaveLength(3);

    for (const id of mailIds) await waitForDeliveryJobCompleted(id, 60_000);
    expect(mailjet.stats().failed).toBe(5);
    for (const [i, t] of threads.entries()) {
      const replies = mailjet.messages({ to: t.email }).filter((m) => m.subject.startsWith("Re:"));
      expect(replies, `replies to thread ${i}`).toHaveLength(1);
      expect(replies[0]).toMatchObject({ customId: mailIds[i], replyTo: replyAddressFor(t.reference), subject: `Re: Question ${i} [${t.reference}]` });
      expect(replies[0]!.text).toContain(`Answer ${i}: try again now.`);
      const staffMessage = (await getInboxThread(t.threadId))!.thread.messages.find((m) => m.direction === "staff");
      expect(staffMessage?.delivery).toBe("sent");
    }
    const attempts = (await prisma.mail.findMany({ where: { id: { in: mailIds } }, select: { attempts: true, status: true } }));
    expect(attempts.every((m) => m.status === "sent")).toBe(true);
    expect(attempts.reduce((sum, m) => sum + m.attempts, 0), "5 failed attempts + 3 good ones").toBe(8);
  }, 90_000);

  it("stay queued while Mailjet is down and go out, once each, when it is back", async () => {
    const threads = await openThreads(2);
    for (const t of threads) await waitFor(`the confirmation to ${t.email}`, () => (mailjet.messages({ to: t.email }).length === 1 ? true : undefined));
    await mailjet.close(); // connection refused from now on

    for (const t of threads) expect(await replyAsStaff(staffId, t.threadId, "Sent during the outage.")).toEqual({ ok: true });
    const mailIds = await staffMailIds(threads.map((t) => t.threadId));
    await waitFor("failed attempts on both replies", async () => {
      const rows = await prisma.mail.findMany({ where: { id: { in: mailIds } }, select: { attempts: true } });
      return rows.every((r) => r.attempts >= 2) ? true : undefined;
    });
    for (const t of threads) {
      const staffMessage = (await getInboxThread(t.threadId))!.thread.messages.find((m) => m.direction === "staff");
      expect(staffMessage?.delivery, "the inbox shows the reply as not sent yet").toBe("queued");
    }

    mailjet = await startFakeMailjet({ port, apiKey: KEY, apiSecret: SECRET });
    for (const id of mailIds) await waitForDeliveryJobCompleted(id, 60_000);
    for (const [i, t] of threads.entries()) {
      const replies = mailjet.messages({ to: t.email }).filter((m) => m.subject.startsWith("Re:"));
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ customId: mailIds[i], text: expect.stringContaining("Sent during the outage.") });
      expect((await getInboxThread(t.threadId))!.thread.messages.find((m) => m.direction === "staff")?.delivery).toBe("sent");
    }
  }, 90_000);
});
