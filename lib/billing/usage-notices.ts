import { findUserById } from "@/lib/account/find-user";
import { getAppUrl } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { renderUsageMail } from "@/lib/mail/templates/billing";
import { sendMail } from "@/lib/mail/send-mail";
import { formatPageviews, getPlan, type Plan } from "./plans";
import { isBillingConfigured } from "./stripe-client";
import { monthUsage, usageLevel, utcMonth, type UsageLevel } from "./usage";

// Tells the owner once per month and threshold that the account's sites used 80 % and then
// 100 % of the plan's pageviews. Nothing else happens at the limit: every event is still
// recorded. Only subscribed accounts have a limit (Stripe says trialing, active or past_due,
// as in billing-status.ts); a trial without a subscription, or MiniStat without Stripe, gets
// no usage e-mails.
//
// "Once" is the usage_notices row (PK user, month, threshold): the check that inserts it
// sends the e-mail, every other check — concurrent ones included — finds it there.

export const USAGE_THRESHOLDS = [80, 100] as const;
export type UsageThreshold = (typeof USAGE_THRESHOLDS)[number];

export type UsageCheck = {
  month: string;
  total: number;
  plan: Plan;
  level: UsageLevel;
  /** Thresholds whose e-mail this check sent (empty when they had been sent before). */
  sent: UsageThreshold[];
};

export const SUBSCRIBED_STATUSES = ["trialing", "active", "past_due"];

/** The plan whose limit applies to the account, or null: no limit, no usage e-mails. */
export async function subscribedPlan(userId: string): Promise<Plan | null> {
  if (!isBillingConfigured()) return null;
  const billing = await prisma.billingAccount.findUnique({ where: { userId }, select: { status: true, planKey: true } });
  if (!billing?.status || !SUBSCRIBED_STATUSES.includes(billing.status) || !billing.planKey) return null;
  return getPlan(billing.planKey) ?? null;
}

/** Sends the usage e-mails that this month's pageviews call for and that were not sent yet. Null: the account has no plan limit. */
export async function checkUsageThresholds(userId: string, now = new Date()): Promise<UsageCheck | null> {
  const plan = await subscribedPlan(userId);
  if (!plan) return null;
  const usage = await monthUsage(userId, now);
  const level = usageLevel(usage.total, plan.pageviewsPerMonth);
  const sent: UsageThreshold[] = [];
  for (const threshold of USAGE_THRESHOLDS) {
    if (level < threshold) break;
    if (await notifyOnce(userId, now, threshold, plan)) sent.push(threshold);
  }
  return { month: usage.month, total: usage.total, plan, level, sent };
}

async function notifyOnce(userId: string, now: Date, threshold: UsageThreshold, plan: Plan): Promise<boolean> {
  const month = utcMonth(now).start;
  // INSERT … ON CONFLICT DO NOTHING: a count of 1 means this check claimed the e-mail.
  const { count } = await prisma.usageNotice.createMany({ data: [{ userId, month, threshold }], skipDuplicates: true });
  if (count === 0) return false;
  try {
    const owner = await findUserById(userId);
    if (!owner) return false; // deleted meanwhile: the notice goes with the account
    await sendMail(renderUsageMail(owner.email, threshold, formatPageviews(plan.pageviewsPerMonth), `${getAppUrl()}/settings/billing`), { kind: "billing", userId });
    return true;
  } catch (error) {
    // Not sent: give the claim back so that a later check sends it.
    await prisma.usageNotice.deleteMany({ where: { userId, month, threshold } });
    throw error;
  }
}
