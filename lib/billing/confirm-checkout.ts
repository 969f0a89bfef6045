import type Stripe from "stripe";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { getStripe, isBillingConfigured } from "./stripe-client";
import { isStripeNotFound, stripeFailure } from "./stripe-errors";
import { idOf, subscriptionUpdate } from "./sync-subscription";

// The success redirect of Checkout (/settings/billing?checkout=success&session_id=cs_…): read
// the session from Stripe and, if it is this account's, store its subscription at once — the
// account unlocks without waiting for the webhook. The session id comes from the URL, so
// anyone can put any id there: it counts only when Stripe says the session was made for this
// account (client_reference_id) on this account's customer.

export type ConfirmCheckoutResult =
  | { ok: true; status: string }
  | { ok: false; reason: "invalid" | "not-yours" | "incomplete" | "stripe-error"; message: string };

export const checkoutSessionIdSchema = z.string().regex(/^cs_[A-Za-z0-9_]{1,250}$/);

type SessionOwnership = Pick<Stripe.Checkout.Session, "client_reference_id" | "customer">;

/** Both must match: the account the session was created for and the customer we stored for it. */
export function checkoutSessionBelongsTo(session: SessionOwnership, userId: string, storedCustomerId: string | null): boolean {
  return Boolean(storedCustomerId) && session.client_reference_id === userId && idOf(session.customer) === storedCustomerId;
}

const notYours = { ok: false, reason: "not-yours", message: "That checkout does not belong to your account; nothing was changed." } as const;

export async function confirmCheckout(userId: string, rawSessionId: string): Promise<ConfirmCheckoutResult> {
  const parsed = checkoutSessionIdSchema.safeParse(rawSessionId);
  if (!isBillingConfigured() || !parsed.success) return { ok: false, reason: "invalid", message: "That checkout link is not valid." };
  const stored = await prisma.billingAccount.findUnique({ where: { userId }, select: { stripeCustomerId: true, stripeSubscriptionId: true, status: true } });
  if (!stored?.stripeCustomerId) return notYours;

  let session: Stripe.Checkout.Session;
  try {
    session = await getStripe().checkout.sessions.retrieve(parsed.data, { expand: ["subscription"] });
  } catch (error) {
    if (isStripeNotFound(error)) return { ok: false, reason: "invalid", message: "That checkout link is not valid." };
    return { ok: false, reason: "stripe-error", message: stripeFailure("checkout confirmation", error) };
  }
  if (!checkoutSessionBelongsTo(session, userId, stored.stripeCustomerId)) return notYours;

  const subscription = typeof session.subscription === "object" ? session.subscription : null;
  if (session.status !== "complete" || !subscription) {
    return { ok: false, reason: "incomplete", message: "Stripe has not completed this checkout yet. Your plan shows here as soon as it has." };
  }
  if (idOf(subscription.customer) !== stored.stripeCustomerId) return notYours;
  const update = subscriptionUpdate(stored, subscription);
  if (update) await prisma.billingAccount.update({ where: { userId }, data: { ...update, stripeStateAt: new Date() } });
  return { ok: true, status: subscription.status };
}
