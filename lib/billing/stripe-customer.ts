import { prisma } from "@/lib/db/prisma";
import { getStripe } from "./stripe-client";

// The account's Stripe customer, created once. We send Stripe no e-mail address and no name —
// only our account id in the metadata (the webhook maps customers back to accounts through
// billing_accounts). Stripe still needs an address for receipts and invoices: Checkout asks
// the customer for it on Stripe's own page when the customer has none, so the customer
// chooses what Stripe gets, and our encrypted copy never leaves MiniStat.

export async function getStoredCustomerId(userId: string): Promise<string | null> {
  const row = await prisma.billingAccount.findUnique({ where: { userId }, select: { stripeCustomerId: true } });
  return row?.stripeCustomerId ?? null;
}

export async function ensureStripeCustomer(userId: string): Promise<string> {
  const stored = await getStoredCustomerId(userId);
  if (stored) return stored;
  // The idempotency key makes a double click (two actions at once) create one customer, not two.
  const customer = await getStripe().customers.create({ metadata: { account_id: userId } }, { idempotencyKey: `ministat-customer-${userId}` });
  await prisma.billingAccount.upsert({ where: { userId }, create: { userId, stripeCustomerId: customer.id }, update: { stripeCustomerId: customer.id } });
  return customer.id;
}
