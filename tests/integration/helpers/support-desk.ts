import { randomBytes } from "node:crypto";
import { registerAccount } from "@/lib/account/register-account";
import { prisma } from "@/lib/db/prisma";
import { QUEUES } from "@/lib/jobs/queue";
import { setStaffRole } from "@/lib/support/staff-role";

// Shared by the support desk's integration tests (support-*.test.ts, no-plaintext, delete-account).

export const uniqueAddress = (label: string, domain = "example.com") => `${label}-${randomBytes(4).toString("hex")}@${domain}`;

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A definite end of delivery: every pg-boss job of the mail completed, so no retry is left to send a duplicate. */
export async function waitForDeliveryJobCompleted(mailId: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`the delivery job of mail ${mailId} to complete`, async () => {
    const jobs = await prisma.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.sendMail} AND singleton_key = ${mailId}`;
    return jobs.length > 0 && jobs.every((job) => job.state === "completed") ? true : undefined;
  }, timeoutMs);
}

/**
 * For afterAll, before stopping the workers: lets the mail this file queued (since `since`)
 * be delivered, so that no later file's worker meets mail it cannot decrypt (other keys).
 */
export async function settleMailSince(since: Date): Promise<void> {
  await waitFor(
    "this file's mail to be delivered",
    async () => ((await prisma.mail.count({ where: { status: "queued", createdAt: { gte: since } } })) === 0 ? true : undefined),
    20_000,
  ).catch(() => undefined);
}

export async function newAccount(label: string): Promise<{ userId: string; email: string }> {
  const email = uniqueAddress(label);
  const { userId } = await registerAccount(email);
  return { userId, email };
}

export async function newStaff(label = "staff"): Promise<{ userId: string; email: string }> {
  const account = await newAccount(label);
  const granted = await setStaffRole(account.email, true);
  if (!granted.ok) throw new Error("could not grant the staff role");
  return account;
}

/** Rows of the support desk and of mail, to prove a refused request stored nothing. */
export async function supportRowCounts(): Promise<{ threads: number; messages: number; mails: number }> {
  const [threads, messages, mails] = await Promise.all([prisma.supportThread.count(), prisma.supportMessage.count(), prisma.mail.count()]);
  return { threads, messages, mails };
}
