import type Stripe from "stripe";
import { findUserById } from "@/lib/account/find-user";
import { getEnv, getAppUrl } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { renderPaymentFailedMail, renderSubscriptionCanceledMail, renderTrialEndingMail } from "@/lib/mail/templates/billing";
import type { MailMessage } from "@/lib/mail/types";
import { GRACE_DAYS, type StoredBilling } from "./billing-status";
import { utcMonth } from "./usage-level";
import { getStripe, isBillingConfigured } from "./stripe-client";
import { accountOfCustomer, fetchSubscription, idOf, storedFromSubscription, subscriptionUpdate } from "./sync-subscription";

// POST /api/stripe/webhook. The signature is checked on the raw body; each event is
// processed once (its id is recorded in the same transaction as its effect, so a
// redelivery finds it and changes nothing); a handler that fails answers 500 and records
// nothing, so Stripe's retry processes it. The e-mails go out through the mail job queue.

export type WebhookResult = { status: number; body: Record<string, unknown> };

type Effect = {
  userId: string;
  billing: Partial<StoredBilling> & { stripeCustomerId?: string; stripeSubscriptionId?: string };
  mail?: (to: string) => MailMessage;
};

const DAY_MS = 86_400_000;

export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  if (!isBillingConfigured()) return { status: 404, body: { error: "Billing is not configured on this server." } };
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = getStripe().webhooks.constructEvent(rawBody, signature, getEnv().STRIPE_WEBHOOK_SECRET!);
  } catch (error) {
    return { status: 400, body: { error: `Webhook signature verification failed: ${(error as Error).message}` } };
  }
  if (await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) {
    return { status: 200, body: { received: true, duplicate: true } };
  }
  const effect = await effectOf(event);
  const applied = await commit(event, effect);
  if (applied && effect?.mail) {
    const account = await findUserById(effect.userId);
    if (account) await sendMail(effect.mail(account.email), { kind: "billing", userId: account.id });
  }
  return { status: 200, body: applied ? { received: true, ...(effect ? {} : { ignored: true }) } : { received: true, duplicate: true } };
}

/** Records the event and applies its effect in one transaction; false when another delivery got there first. */
async function commit(event: Stripe.Event, effect: Effect | null): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return false;
    if (effect && (await tx.user.count({ where: { id: effect.userId } })) > 0) {
      const data = { ...effect.billing, stripeStateAt: new Date() };
      const before = await tx.billingAccount.findUnique({ where: { userId: effect.userId }, select: { planKey: true } });
      await tx.billingAccount.upsert({ where: { userId: effect.userId }, create: { userId: effect.userId, ...data }, update: data });
      // A new plan has new limits: this month's 80 % / 100 % e-mails apply to it afresh.
      if (before?.planKey && data.planKey && before.planKey !== data.planKey) {
        await tx.usageNotice.deleteMany({ where: { userId: effect.userId, month: utcMonth(new Date()).start } });
      }
    }
    return true;
  });
}

/** What an event changes (null: nothing of ours — an unknown customer or an event we do not use). */
async function effectOf(event: Stripe.Event): Promise<Effect | null> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const userId = session.client_reference_id ?? session.metadata?.account_id ?? null;
      const customerId = idOf(session.customer);
      if (!userId || !customerId) return null; // an account that no longer exists is skipped by commit()
      const subscriptionId = idOf(session.subscription);
      const subscription = subscriptionId ? await fetchSubscription(subscriptionId) : null;
      return {
        userId,
        billing: { stripeCustomerId: customerId, ...(subscription ? { stripeSubscriptionId: subscription.id, ...storedFromSubscription(subscription) } : {}) },
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.trial_will_end": {
      const effect = await subscriptionEffect(event.data.object.id, idOf(event.data.object.customer));
      if (!effect) return null;
      if (event.type === "customer.subscription.trial_will_end" && effect.billing.trialEnd) {
        const trialEnd = effect.billing.trialEnd;
        effect.mail = (to) => renderTrialEndingMail(to, trialEnd, billingUrl());
      }
      if (event.type === "customer.subscription.deleted") {
        const locksAt = new Date((effect.billing.endedAt ?? new Date()).getTime() + GRACE_DAYS * DAY_MS);
        effect.mail = (to) => renderSubscriptionCanceledMail(to, locksAt, billingUrl());
      }
      return effect;
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const subscriptionId = subscriptionOfInvoice(invoice);
      const customerId = idOf(invoice.customer);
      const effect = subscriptionId ? await subscriptionEffect(subscriptionId, customerId) : null;
      if (effect && event.type === "invoice.payment_failed") effect.mail = (to) => renderPaymentFailedMail(to, billingUrl());
      return effect;
    }
    default:
      return null;
  }
}

async function subscriptionEffect(subscriptionId: string, customerId: string | null): Promise<Effect | null> {
  const userId = customerId ? await accountOfCustomer(customerId) : null;
  if (!userId) return null;
  const subscription = await fetchSubscription(subscriptionId);
  if (!subscription) return null;
  const stored = await prisma.billingAccount.findUnique({ where: { userId }, select: { stripeSubscriptionId: true, status: true } });
  const update = subscriptionUpdate(stored, subscription);
  return update ? { userId, billing: { stripeCustomerId: customerId!, ...update } } : null;
}

function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  // API 2025-03-31+: invoice.parent.subscription_details.subscription; before: invoice.subscription.
  const parent = (invoice as unknown as { parent?: { subscription_details?: { subscription?: string | { id: string } } } }).parent;
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription ?? null;
  return idOf(parent?.subscription_details?.subscription ?? legacy);
}

function billingUrl(): string {
  return `${getAppUrl()}/settings/billing`;
}
