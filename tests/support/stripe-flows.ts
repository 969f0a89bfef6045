import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { getStripe } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db/prisma";
import { POST } from "@/app/api/stripe/webhook/route";
import { startFakeStripe, type FakeStripe } from "@/tests/fakes/fake-stripe";
import { fakeStripePrices, testPriceId, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET } from "./stripe-test-env";
import { serveRouteHandler } from "./webhook-receiver";

// Billing flows for integration tests against the local Stripe fake (tests/fakes/fake-stripe).

export type Customer = { userId: string; customerId: string };

/** An account with its Stripe customer, as "Upgrade" leaves it before Checkout. */
export async function newCustomer(): Promise<Customer> {
  const { userId } = await registerAccount(`billing-${randomUUID().slice(0, 8)}@example.com`);
  const customer = await getStripe().customers.create({ metadata: { account_id: userId } });
  await prisma.billingAccount.create({ data: { userId, stripeCustomerId: customer.id } });
  return { userId, customerId: customer.id };
}

/** Checkout on the fake's page ("Pay and subscribe"); resolves once its webhooks were answered. */
export async function checkout(fake: FakeStripe, { userId, customerId }: Customer, plan = "10k"): Promise<string> {
  const session = await getStripe().checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    client_reference_id: userId,
    metadata: { account_id: userId },
    line_items: [{ price: testPriceId(plan, "monthly"), quantity: 1 }],
    success_url: "http://localhost:3000/settings/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/settings/billing?checkout=canceled",
  });
  const paid = await fetch(session.url!, { method: "POST", redirect: "manual", body: new URLSearchParams() });
  expect(paid.status).toBe(303);
  await fake.idle();
  const subscription = fake.subscriptions({ customer: customerId }).at(-1);
  expect(subscription).toBeDefined();
  return subscription!.id;
}


export type StripeRig = { fake: FakeStripe; webhookUrl: string; close: () => Promise<void> };

/** The fake Stripe on `port`, delivering its signed webhooks over HTTP to our real webhook route. */
export async function startStripeRig(port: number): Promise<StripeRig> {
  const receiver = await serveRouteHandler(POST);
  const webhookUrl = `${receiver.url}/api/stripe/webhook`;
  const fake = await startFakeStripe({ port, secretKey: TEST_STRIPE_SECRET_KEY, webhookSecret: TEST_STRIPE_WEBHOOK_SECRET, webhookUrl, prices: fakeStripePrices() });
  return {
    fake,
    webhookUrl,
    close: async () => {
      await fake.close();
      await receiver.close();
    },
  };
}
