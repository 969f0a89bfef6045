import { getPlan, TRIAL_DAYS, type Plan } from "./plans";

// What an account may do, from its stored billing state (kept in step with Stripe by the
// webhook) and the clock. Pure: the billing page, the banners and the lock all read this.
//
// - trial: TRIAL_DAYS from registration, no subscription needed;
// - subscribed: Stripe says trialing, active or past_due (Stripe retries the card; the
//   account stays open meanwhile); "canceling" when it ends at the period's end;
// - otherwise (trial over without a subscription, or the subscription ended): GRACE_DAYS
//   of grace with a banner, then locked — dashboards, share links and the Stats API show an
//   upgrade prompt; ingestion keeps recording.

export const GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

export type StoredBilling = {
  status: string | null;
  planKey: string | null;
  interval: string | null;
  amountCents: number | null;
  currency: string | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAt: Date | null;
  endedAt: Date | null;
};

export type BillingStatus =
  | { kind: "unconfigured"; locked: false }
  | { kind: "trial"; locked: false; trialEndsAt: Date; daysLeft: number }
  | { kind: "subscribed"; locked: false; status: "trialing" | "active" | "past_due"; plan: Plan | null; interval: string | null; renewsAt: Date | null; cancelAt: Date | null; amountCents: number | null; currency: string | null }
  | { kind: "grace"; locked: false; reason: "trial-ended" | "subscription-ended"; endedAt: Date; locksAt: Date }
  | { kind: "locked"; locked: true; reason: "trial-ended" | "subscription-ended"; endedAt: Date; lockedAt: Date };

const OPEN_STATUSES = new Set(["trialing", "active", "past_due"]);

export function trialEndsAt(accountCreatedAt: Date): Date {
  return new Date(accountCreatedAt.getTime() + TRIAL_DAYS * DAY_MS);
}

export function billingStatus(input: { configured: boolean; accountCreatedAt: Date; billing: StoredBilling | null; now: Date }): BillingStatus {
  const { configured, accountCreatedAt, billing, now } = input;
  if (!configured) return { kind: "unconfigured", locked: false };

  if (billing?.status && OPEN_STATUSES.has(billing.status)) {
    return {
      kind: "subscribed",
      locked: false,
      status: billing.status as "trialing" | "active" | "past_due",
      plan: billing.planKey ? (getPlan(billing.planKey) ?? null) : null,
      interval: billing.interval,
      renewsAt: billing.status === "trialing" ? (billing.trialEnd ?? billing.currentPeriodEnd) : billing.currentPeriodEnd,
      cancelAt: billing.cancelAt,
      amountCents: billing.amountCents,
      currency: billing.currency,
    };
  }

  const trialEnd = trialEndsAt(accountCreatedAt);
  const subscriptionEnded = billing?.endedAt ?? null;
  if (now < trialEnd) {
    return { kind: "trial", locked: false, trialEndsAt: trialEnd, daysLeft: Math.ceil((trialEnd.getTime() - now.getTime()) / DAY_MS) };
  }
  const reason = subscriptionEnded && subscriptionEnded > trialEnd ? "subscription-ended" : "trial-ended";
  const endedAt = reason === "subscription-ended" ? subscriptionEnded! : trialEnd;
  const locksAt = new Date(endedAt.getTime() + GRACE_DAYS * DAY_MS);
  if (now < locksAt) return { kind: "grace", locked: false, reason, endedAt, locksAt };
  return { kind: "locked", locked: true, reason, endedAt, lockedAt: locksAt };
}
