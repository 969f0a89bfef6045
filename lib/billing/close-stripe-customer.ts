import { getEnv } from "@/lib/config/env";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { getStripe, isBillingConfigured } from "./stripe-client";

// Deleting an account cancels its Stripe subscription at once and deletes the Stripe
// customer. The local data goes first, in its own transaction (the account is gone even when
// Stripe is down); the Stripe calls run as a job that holds only Stripe's ids and is retried
// with back-off until Stripe answers. Both calls are idempotent: an id Stripe no longer
// knows (already canceled, already deleted) counts as done.

export type StripeCustomerToClose = { customerId: string; subscriptionId: string | null };

const RETRY_LIMIT = 12;

export async function scheduleStripeCustomerClosing(ids: StripeCustomerToClose): Promise<void> {
  if (!isBillingConfigured()) return;
  await enqueue(QUEUES.closeStripeCustomer, ids, { retryLimit: RETRY_LIMIT, retryDelay: getEnv().STRIPE_RETRY_DELAY_SECONDS, retryBackoff: true, singletonKey: ids.customerId });
}

export async function closeStripeCustomer({ customerId, subscriptionId }: StripeCustomerToClose): Promise<void> {
  const stripe = getStripe();
  if (subscriptionId) await ignoreMissing(() => stripe.subscriptions.cancel(subscriptionId, { invoice_now: false, prorate: false }));
  await ignoreMissing(() => stripe.customers.del(customerId));
}

async function ignoreMissing(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return;
    throw error;
  }
}
