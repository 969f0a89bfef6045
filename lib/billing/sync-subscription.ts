import type Stripe from "stripe";
import { prisma } from "@/lib/db/prisma";
import { planOfPrice } from "./prices";
import { getStripe } from "./stripe-client";
import type { StoredBilling } from "./billing-status";

// The subscription as Stripe has it now, stored on the account. Webhooks arrive late, twice
// and out of order; so every subscription event makes us read the subscription from Stripe
// and store that — an older event can then never overwrite newer state.

const toDate = (seconds: number | null | undefined): Date | null => (seconds ? new Date(seconds * 1000) : null);

export function storedFromSubscription(subscription: Stripe.Subscription): StoredBilling {
  const item = subscription.items.data[0];
  const price = item?.price;
  const planned = price ? planOfPrice(price.id) : null;
  // Since API version 2025-03-31 the period lives on the item; older versions had it on the subscription.
  const legacy = subscription as unknown as { current_period_end?: number };
  const currentPeriodEnd = toDate(item?.current_period_end ?? legacy.current_period_end);
  return {
    status: subscription.status,
    planKey: planned?.plan ?? null,
    interval: planned?.interval ?? (price?.recurring?.interval === "year" ? "yearly" : price ? "monthly" : null),
    amountCents: price?.unit_amount ?? null,
    currency: price?.currency ?? null,
    currentPeriodEnd,
    trialEnd: toDate(subscription.trial_end),
    cancelAt: toDate(subscription.cancel_at) ?? (subscription.cancel_at_period_end ? currentPeriodEnd : null),
    endedAt: subscription.status === "canceled" ? (toDate(subscription.ended_at) ?? toDate(subscription.canceled_at) ?? new Date()) : null,
  };
}

/** Reads the subscription from Stripe; null when Stripe does not know it. */
export async function fetchSubscription(subscriptionId: string): Promise<Stripe.Subscription | null> {
  try {
    return await getStripe().subscriptions.retrieve(subscriptionId);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

/** The account a Stripe customer belongs to (null: not one of ours). */
export async function accountOfCustomer(customerId: string): Promise<string | null> {
  const row = await prisma.billingAccount.findUnique({ where: { stripeCustomerId: customerId }, select: { userId: true } });
  return row?.userId ?? null;
}

/** The id of a Stripe reference, expanded (an object) or not (its id). */
export function idOf(reference: string | { id: string } | null): string | null {
  if (!reference) return null;
  return typeof reference === "string" ? reference : reference.id;
}

/**
 * What to store for `subscription` on an account whose stored state is `stored`; null when
 * it is an ended subscription and the account has moved on to another, open one (an old
 * subscription's late events and old success links never overwrite the newer one).
 */
export function subscriptionUpdate(
  stored: { stripeSubscriptionId: string | null; status: string | null } | null,
  subscription: Stripe.Subscription,
): (StoredBilling & { stripeSubscriptionId: string }) | null {
  const movedOn = stored?.stripeSubscriptionId && stored.stripeSubscriptionId !== subscription.id && stored.status !== "canceled";
  if (movedOn && subscription.status === "canceled") return null;
  return { stripeSubscriptionId: subscription.id, ...storedFromSubscription(subscription) };
}
