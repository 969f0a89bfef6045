import { randomBytes } from "node:crypto";
import { registerAccount } from "@/lib/account/register-account";
import { prisma } from "@/lib/db/prisma";
import { setStaffRole } from "@/lib/support/staff-role";
import { waitFor } from "@/tests/support/wait-for";

// Shared by the support desk's integration tests (support-*.test.ts, no-plaintext, delete-account).

export const uniqueAddress = (label: string, domain = "example.com") => `${label}-${randomBytes(4).toString("hex")}@${domain}`;

/** A definite end of delivery: every pg-boss job of the mail completed, so no retry is left to send a duplicate. */
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
