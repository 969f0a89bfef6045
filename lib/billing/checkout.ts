import type Stripe from "stripe";
import { getAppUrl, getEnv, type BillingInterval } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { getAccountBilling } from "./account-access";
import { trialEndsAt } from "./billing-status";
import type { PlanKey } from "./plans";
import { priceIdFor } from "./prices";
import { ensureStripeCustomer } from "./stripe-customer";
import { isBillingConfigured, getStripe } from "./stripe-client";
import { stripeFailure } from "./stripe-errors";

// Upgrade: a Stripe Checkout Session for one plan and interval (the form sends the plan key;
// the price id comes from the environment), on the account's own Stripe customer. What is
// left of the trial carries over, so subscribing early costs nothing extra.

/** Stripe refuses a trial_end less than 48 hours away. */
export const MIN_TRIAL_CARRY_MS = 48 * 60 * 60 * 1000;

export type StartCheckoutResult = { ok: true; url: string } | { ok: false; message: string };

/** The trial's end as unix seconds when at least 48 h of it remain; otherwise no trial. */
export function remainingTrialEnd(trialEnd: Date, now: Date): number | undefined {
  return trialEnd.getTime() - now.getTime() >= MIN_TRIAL_CARRY_MS ? Math.floor(trialEnd.getTime() / 1000) : undefined;
}

export function buildCheckoutSessionParams(input: {
  userId: string;
  customerId: string;
  priceId: string;
  trialEnd: number | undefined;
  appUrl: string;
  automaticTax: boolean;
}): Stripe.Checkout.SessionCreateParams {
  const { userId, customerId, priceId, trialEnd, appUrl, automaticTax } = input;
  return {
    mode: "subscription",
    customer: customerId,
    client_reference_id: userId,
    metadata: { account_id: userId },
    subscription_data: { metadata: { account_id: userId }, ...(trialEnd !== undefined ? { trial_end: trialEnd } : {}) },
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: `${appUrl}/settings/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}/settings/billing?checkout=canceled`,
    billing_address_collection: "required",
    tax_id_collection: { enabled: true },
    automatic_tax: { enabled: automaticTax },
    // Stripe requires this with tax_id_collection on an existing customer: what the customer
    // enters on Checkout is saved on their customer (for the invoices).
    customer_update: { address: "auto", name: "auto" },
  };
}

export async function startCheckout(userId: string, plan: PlanKey, interval: BillingInterval, now: Date = new Date()): Promise<StartCheckoutResult> {
  if (!isBillingConfigured()) return { ok: false, message: "Billing is not configured on this server." };
  const status = await getAccountBilling(userId, now);
  if (status.kind === "subscribed") {
    return { ok: false, message: "Your account already has a subscription. Change its plan or interval under “Manage billing”." };
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { createdAt: true } });
  try {
    const customerId = await ensureStripeCustomer(userId);
    const params = buildCheckoutSessionParams({
      userId,
      customerId,
      priceId: priceIdFor(plan, interval),
      trialEnd: remainingTrialEnd(trialEndsAt(user.createdAt), now),
      appUrl: getAppUrl(),
      automaticTax: getEnv().STRIPE_AUTOMATIC_TAX,
    });
    const session = await getStripe().checkout.sessions.create(params);
    if (!session.url) return { ok: false, message: "Stripe did not return a checkout page. Please try again." };
    return { ok: true, url: session.url };
  } catch (error) {
    return { ok: false, message: stripeFailure("checkout", error) };
  }
}
