import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { getAccountBilling } from "@/lib/billing/account-access";
import { startCheckout } from "@/lib/billing/checkout";
import { confirmCheckout } from "@/lib/billing/confirm-checkout";
import { listRecentInvoices } from "@/lib/billing/invoices";
import { PLANS, TRIAL_DAYS } from "@/lib/billing/plans";
import { createPortalSession } from "@/lib/billing/portal";
import { getStripe } from "@/lib/billing/stripe-client";
import { closePool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { startFakeStripe, type FakeStripe } from "@/tests/fakes/fake-stripe";
import { setStripeEnv, testPriceId, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET } from "@/tests/support/stripe-test-env";

// Checkout, the success redirect, the Customer Portal and the invoices, through the official
// stripe client against the local Stripe fake. No webhook endpoint is set: what the account
// shows after the redirect comes from the redirect alone (the webhook may arrive later).
// Each account touches only its own customer, sessions and invoices.

const DAY = 86_400_000;
const APP_URL = "https://ministat.test";
let fake: FakeStripe;

beforeAll(async () => {
  const prices = PLANS.flatMap((plan) => [
    { id: testPriceId(plan.key, "monthly"), unitAmount: plan.monthlyEur * 100, currency: "eur", interval: "month" as const },
    { id: testPriceId(plan.key, "yearly"), unitAmount: plan.yearlyEur * 100, currency: "eur", interval: "year" as const },
  ]);
  fake = await startFakeStripe({ port: 0, secretKey: TEST_STRIPE_SECRET_KEY, webhookSecret: TEST_STRIPE_WEBHOOK_SECRET, prices });
  setStripeEnv(fake.url);
  process.env.APP_URL = APP_URL;
});
afterAll(async () => {
  await fake.close();
  await closePrisma();
  await closePool();
});

async function accountCreated(daysAgo: number): Promise<string> {
  const { userId } = await registerAccount(`checkout-${randomBytes(4).toString("hex")}@example.com`);
  await prisma.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - daysAgo * DAY) } });
  return userId;
}

const sessionIdOf = (checkoutUrl: string) => fake.checkoutSessions().find((s) => s.url === checkoutUrl)!.id;

/** Pays on the fake's hosted Checkout page as a browser would; returns where Stripe sends the customer back. */
async function pay(checkoutUrl: string): Promise<URL> {
  const response = await fetch(checkoutUrl, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location")!);
}

describe("Checkout", () => {
  it("creates the account's Stripe customer once, with the account id and no e-mail, and a subscription session for the chosen plan", async () => {
    const userId = await accountCreated(40);
    const first = await startCheckout(userId, "200k", "yearly");
    const second = await startCheckout(userId, "100k", "monthly");
    if (!first.ok || !second.ok) throw new Error("checkout refused");
    expect(first.url.startsWith(fake.url)).toBe(true);

    const customers = fake.customers().filter((c) => c.metadata.account_id === userId);
    expect(customers).toHaveLength(1);
    expect(customers[0]!.email).toBeNull();
    expect((await prisma.billingAccount.findUniqueOrThrow({ where: { userId } })).stripeCustomerId).toBe(customers[0]!.id);

    const created = fake.requests({ method: "POST", path: "/v1/checkout/sessions" }).filter((r) => r.params.client_reference_id === userId);
    expect(created).toHaveLength(2);
    expect(created[0]!.params).toMatchObject({
      mode: "subscription",
      customer: customers[0]!.id,
      client_reference_id: userId,
      metadata: { account_id: userId },
      line_items: [{ price: testPriceId("200k", "yearly"), quantity: "1" }],
      success_url: `${APP_URL}/settings/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${APP_URL}/settings/billing?checkout=canceled`,
      billing_address_collection: "required",
      tax_id_collection: { enabled: "true" },
      automatic_tax: { enabled: "true" },
      customer_update: { address: "auto", name: "auto" },
    });
    // The trial is over (registered 40 days ago): no trial_end.
    expect(created[0]!.params.subscription_data).toEqual({ metadata: { account_id: userId } });
  });

  it("carries the rest of the trial over, and the success redirect stores the subscription at once", async () => {
    const userId = await accountCreated(10);
    const started = await startCheckout(userId, "100k", "monthly");
    if (!started.ok) throw new Error(started.message);
    const back = await pay(started.url);
    expect(`${back.origin}${back.pathname}`).toBe(`${APP_URL}/settings/billing`);
    expect(back.searchParams.get("checkout")).toBe("success");

    expect(await confirmCheckout(userId, back.searchParams.get("session_id")!)).toEqual({ ok: true, status: "trialing" });
    const trialEnd = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).createdAt.getTime() + TRIAL_DAYS * DAY;
    const status = await getAccountBilling(userId);
    expect(status).toMatchObject({ kind: "subscribed", status: "trialing", plan: { key: "100k" }, interval: "monthly" });
    if (status.kind !== "subscribed") throw new Error("not subscribed");
    expect(Math.abs(status.renewsAt!.getTime() - trialEnd)).toBeLessThan(1000);
  });

  it("unlocks a locked account as soon as it comes back from Checkout, before any webhook", async () => {
    const userId = await accountCreated(90);
    expect((await getAccountBilling(userId)).locked).toBe(true);
    const started = await startCheckout(userId, "10k", "monthly");
    if (!started.ok) throw new Error(started.message);
    const back = await pay(started.url);
    expect(fake.deliveries()).toEqual([]);
    expect(await confirmCheckout(userId, back.searchParams.get("session_id")!)).toEqual({ ok: true, status: "active" });
    expect(await getAccountBilling(userId)).toMatchObject({ kind: "subscribed", status: "active", locked: false, plan: { key: "10k" }, amountCents: 900 });
  });

  it("refuses another account's checkout session on the success redirect and changes nothing", async () => {
    const owner = await accountCreated(33);
    const other = await accountCreated(33); // trial over, in its grace period
    const ownerCheckout = await startCheckout(owner, "500k", "monthly");
    const otherCheckout = await startCheckout(other, "10k", "monthly");
    if (!ownerCheckout.ok || !otherCheckout.ok) throw new Error("checkout refused");
    const back = await pay(ownerCheckout.url);
    const ownersSession = back.searchParams.get("session_id")!;
    const before = await prisma.billingAccount.findUniqueOrThrow({ where: { userId: other } });

    expect(await confirmCheckout(other, ownersSession)).toMatchObject({ ok: false, reason: "not-yours" });
    expect(await prisma.billingAccount.findUniqueOrThrow({ where: { userId: other } })).toEqual(before);
    expect((await getAccountBilling(other)).kind).toBe("grace");
    // The owner's own session still works, and an open (unpaid) session confirms nothing.
    expect(await confirmCheckout(owner, ownersSession)).toMatchObject({ ok: true, status: "active" });
    expect(await confirmCheckout(other, sessionIdOf(otherCheckout.url))).toMatchObject({ ok: false, reason: "incomplete" });
  });
});

describe("an old success link", () => {
  it("of a subscription that has ended never overwrites the newer subscription", async () => {
    const userId = await accountCreated(33);
    const first = await startCheckout(userId, "10k", "monthly");
    if (!first.ok) throw new Error(first.message);
    const firstSession = (await pay(first.url)).searchParams.get("session_id")!;
    const firstSubscription = fake.checkoutSessions().find((s) => s.id === firstSession)!.subscription as string;
    await getStripe().subscriptions.cancel(firstSubscription);
    expect(await confirmCheckout(userId, firstSession)).toEqual({ ok: true, status: "canceled" });
    expect((await getAccountBilling(userId)).kind).toBe("grace");

    const second = await startCheckout(userId, "100k", "yearly");
    if (!second.ok) throw new Error(second.message);
    expect(await confirmCheckout(userId, (await pay(second.url)).searchParams.get("session_id")!)).toEqual({ ok: true, status: "active" });
    const current = await prisma.billingAccount.findUniqueOrThrow({ where: { userId } });

    expect(await confirmCheckout(userId, firstSession)).toEqual({ ok: true, status: "canceled" });
    expect(await prisma.billingAccount.findUniqueOrThrow({ where: { userId } })).toEqual(current);
    expect(await getAccountBilling(userId)).toMatchObject({ kind: "subscribed", status: "active", plan: { key: "100k" }, interval: "yearly" });
  });
});

describe("Customer Portal and invoices", () => {
  it("opens the portal and lists invoices of the account's own customer only; a Stripe failure is a message", async () => {
    const payer = await accountCreated(40);
    const other = await accountCreated(40);
    const started = await startCheckout(payer, "100k", "monthly");
    if (!started.ok) throw new Error(started.message);
    await confirmCheckout(payer, (await pay(started.url)).searchParams.get("session_id")!);
    await startCheckout(other, "100k", "monthly"); // a customer, no payment
    const payerCustomer = (await prisma.billingAccount.findUniqueOrThrow({ where: { userId: payer } })).stripeCustomerId;
    const otherCustomer = (await prisma.billingAccount.findUniqueOrThrow({ where: { userId: other } })).stripeCustomerId;

    const portal = await createPortalSession(other);
    expect(portal).toMatchObject({ ok: true, url: expect.stringContaining(fake.url) });
    const portalRequest = fake.requests({ method: "POST", path: "/v1/billing_portal/sessions" }).at(-1)!;
    expect(portalRequest.params).toEqual({ customer: otherCustomer, return_url: `${APP_URL}/settings/billing` });

    const invoices = await listRecentInvoices(payer);
    expect(invoices).toMatchObject({ ok: true, invoices: [{ amountCents: 1900, currency: "eur", status: "paid", url: expect.stringContaining(fake.url) }] });
    expect(await listRecentInvoices(other)).toEqual({ ok: true, invoices: [] });
    const listed = fake.requests({ method: "GET", path: "/v1/invoices" }).map((r) => r.params.customer);
    expect(listed.slice(-2)).toEqual([payerCustomer, otherCustomer]);

    fake.failNext(3); // the client retries twice
    expect(await listRecentInvoices(payer)).toEqual({ ok: false, message: expect.stringMatching(/could not reach .*Stripe/) });
  });
});
