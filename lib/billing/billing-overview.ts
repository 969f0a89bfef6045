import { getAccountBilling } from "./account-access";
import type { BillingStatus } from "./billing-status";
import { PLANS, type Plan } from "./plans";
import { getStoredCustomerId } from "./stripe-customer";
import { monthUsage, planThatFits, usageLevel, type MonthUsage } from "./usage";

// Everything the billing page shows except the invoices (read from Stripe separately, so a
// slow or failing Stripe never holds up or breaks the page). Only the given account's rows.

export type UsageOverview = MonthUsage & {
  /** The limit the bars are drawn against: the subscribed plan's, else that of the plan that fits. */
  limit: number;
  limitFrom: "plan" | "fits";
  level: 0 | 80 | 100;
  /** The plan that fits this month's pageviews; null above the largest plan ("contact us"). */
  fits: Plan | null;
};

export type BillingOverview = { status: BillingStatus; usage: UsageOverview; hasCustomer: boolean };

export function usageOverview(status: BillingStatus, usage: MonthUsage): UsageOverview {
  const fits = planThatFits(usage.total);
  const plan = status.kind === "subscribed" ? status.plan : null;
  const limit = plan?.pageviewsPerMonth ?? (fits ?? PLANS[PLANS.length - 1]!).pageviewsPerMonth;
  return { ...usage, limit, limitFrom: plan ? "plan" : "fits", level: usageLevel(usage.total, limit), fits };
}

export async function getBillingOverview(userId: string, now: Date = new Date()): Promise<BillingOverview> {
  const [status, usage, customer] = await Promise.all([getAccountBilling(userId, now), monthUsage(userId, now), getStoredCustomerId(userId)]);
  return { status, usage: usageOverview(status, usage), hasCustomer: customer !== null };
}
