import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { sendTrialNotices } from "@/lib/billing/trial-notices";
import { decryptJson } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import type { MailMessage } from "@/lib/mail/types";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// The trial needs no card and no Stripe subscription, so MiniStat itself tells the owner it
// ends: "ends in 3 days", then "has ended" (with the date the dashboards lock), each once, and
// never to an account that subscribed. A fixed clock per account (registration backdated).

setStripeEnv("http://127.0.0.1:9"); // configured; Stripe itself is not called

const DAY = 86_400_000;

async function accountRegistered(daysAgo: number, billing?: { status: string }): Promise<string> {
  const { userId } = await registerAccount(`trial-${randomBytes(4).toString("hex")}@example.com`);
  await prisma.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - daysAgo * DAY) } });
  if (billing) await prisma.billingAccount.create({ data: { userId, status: billing.status, planKey: "10k", interval: "monthly" } });
  return userId;
}

async function subjects(userId: string): Promise<string[]> {
  const rows = await prisma.mail.findMany({ where: { userId, kind: "billing" }, orderBy: { createdAt: "asc" }, select: { payload: true } });
  return rows.map((row) => decryptJson<MailMessage>(row.payload).subject);
}

describe("trial e-mails", () => {
  it("says 3 days before the end that the trial ends, and after it that it ended — once each", async () => {
    const ending = await accountRegistered(27.5);
    const ended = await accountRegistered(31);
    const fresh = await accountRegistered(10);
    const subscribed = await accountRegistered(28, { status: "trialing" });
    const longGone = await accountRegistered(60);
    // An account whose e-mail cannot be read (here: encrypted under another key) fails alone.
    const unreadable = await accountRegistered(31);
    await prisma.user.update({ where: { id: unreadable }, data: { emailEncrypted: "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });

    await sendTrialNotices();
    await sendTrialNotices(); // the hourly run again: nothing more
    expect(await subjects(ending)).toEqual(["Your MiniStat trial ends in 3 days"]);
    expect(await subjects(ended)).toEqual(["Your MiniStat trial has ended"]);
    expect(await subjects(fresh)).toEqual([]);
    expect(await subjects(subscribed)).toEqual([]);
    expect(await subjects(longGone)).toEqual([]); // locked for weeks: no late "has ended"
    expect(await subjects(unreadable)).toEqual([]);
    expect(await prisma.trialNotice.count({ where: { userId: unreadable } })).toBe(0); // tried again next hour

    // Three days later the first account's trial is over as well.
    await sendTrialNotices(new Date(Date.now() + 3 * DAY));
    expect(await subjects(ending)).toEqual(["Your MiniStat trial ends in 3 days", "Your MiniStat trial has ended"]);
    const text = decryptJson<MailMessage>((await prisma.mail.findFirstOrThrow({ where: { userId: ended, kind: "billing" } })).payload).text;
    expect(text).toMatch(/stay open until \d{1,2} \w+ \d{4}/);
    expect(text).toContain("/settings/billing");
  });
});
