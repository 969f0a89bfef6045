import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billingStatus, GRACE_DAYS } from "@/lib/billing/billing-status";
import { getStripe } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db/prisma";
import type { FakeStripe, FakeStripeEvent } from "@/tests/fakes/fake-stripe";
import { freePort } from "@/tests/support/free-port";
import { setStripeEnv, testPriceId } from "@/tests/support/stripe-test-env";
import { checkout, newCustomer, startStripeRig, type StripeRig } from "@/tests/support/stripe-flows";

// POST /api/stripe/webhook against the local Stripe fake: the official client, real
// signatures, real HTTP, a real Postgres. The fake's checkout page creates the subscription
// and delivers its events; tests also send events late, twice, out of order or forged.

const stripePort = await freePort();
setStripeEnv(`http://127.0.0.1:${stripePort}`);

let fake: FakeStripe;
let rig: StripeRig;
let receiverOrigin: string;
const DAY = 86_400_000;

beforeAll(async () => {
  rig = await startStripeRig(stripePort);
  fake = rig.fake;
  receiverOrigin = new URL(rig.webhookUrl).origin;
});

afterAll(async () => {
  await rig?.close();
});

beforeEach(() => fake.setWebhookUrl(rig.webhookUrl));

const billingOf = (userId: string) => prisma.billingAccount.findUniqueOrThrow({ where: { userId } });
const billingMails = (userId: string) => prisma.mail.count({ where: { userId, kind: "billing" } });

function postRaw(body: string, signature?: string): Promise<Response> {
  return fetch(rig.webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body,
  });
}

describe("POST /api/stripe/webhook", () => {
  it("stores the plan, status and renewal date after Checkout", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer, "100k");
    const billing = await billingOf(customer.userId);
    expect(billing).toMatchObject({ stripeSubscriptionId: subscriptionId, status: "active", planKey: "100k", interval: "monthly", amountCents: 1900 });
    expect(billing.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now() + 27 * DAY);
    const deliveries = fake.deliveries().filter((d) => d.url.startsWith(receiverOrigin));
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("refuses a missing or wrong signature with 400 and changes nothing", async () => {
    const customer = await newCustomer();
    const subscription = { id: "sub_forged", object: "subscription", status: "active", customer: customer.customerId };
    const event = { id: `evt_forged_${randomUUID()}`, object: "event", type: "customer.subscription.updated", created: Math.floor(Date.now() / 1000), data: { object: subscription } };

    const missing = await postRaw(JSON.stringify(event));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/Stripe-Signature/);

    const forged = await fake.sendEvent(event as unknown as FakeStripeEvent, { secret: "whsec_not_ours" });
    expect(forged?.status).toBe(400);
    const stale = await fake.sendEvent({ ...(event as unknown as FakeStripeEvent), id: `evt_stale_${randomUUID()}` }, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale?.status).toBe(400);

    expect(await billingOf(customer.userId)).toMatchObject({ status: null, stripeSubscriptionId: null });
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("processes the same event once", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer);
    fake.setWebhookUrl(null);
    await fake.advanceSubscription(subscriptionId, { status: "past_due", invoice: "payment_failed" });
    fake.setWebhookUrl(rig.webhookUrl);
    const failed = fake.events({ type: "invoice.payment_failed" }).at(-1)!;

    const first = await fake.redeliver(failed.id);
    const second = await fake.redeliver(failed.id);
    expect([first?.status, second?.status]).toEqual([200, 200]);
    expect(JSON.parse(second!.responseBody)).toMatchObject({ duplicate: true });
    expect((await billingOf(customer.userId)).status).toBe("past_due");
    expect(await billingMails(customer.userId)).toBe(1);
    expect(await prisma.stripeEvent.count({ where: { id: failed.id } })).toBe(1);
  });

  it("ends in the right state when customer.subscription.updated comes before checkout.session.completed", async () => {
    const customer = await newCustomer();
    fake.setWebhookUrl(null); // record only; delivered below in reverse order
    const subscriptionId = await checkout(fake, customer);
    await fake.advanceSubscription(subscriptionId, { cancel_at_period_end: true });
    fake.setWebhookUrl(rig.webhookUrl);
    const events = fake.events().filter((e) => JSON.stringify(e.data.object).includes(customer.customerId));
    expect(events.map((e) => e.type)).toContain("checkout.session.completed");
    for (const event of [...events].reverse()) expect((await fake.sendEvent(event))?.status).toBe(200);

    const billing = await billingOf(customer.userId);
    expect(billing).toMatchObject({ stripeSubscriptionId: subscriptionId, status: "active", planKey: "10k" });
    expect(billing.cancelAt).not.toBeNull();
  });

  it("does not let an older customer.subscription.updated undo a newer one", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer);
    await fake.advanceSubscription(subscriptionId, { price: testPriceId("1m", "monthly") });
    const month = new Date(`${new Date().toISOString().slice(0, 7)}-01T00:00:00Z`);
    await prisma.usageNotice.create({ data: { userId: customer.userId, month, threshold: 80 } });
    const older = fake.events({ type: "customer.subscription.updated" }).at(-1)!;
    await fake.advanceSubscription(subscriptionId, { price: testPriceId("2m", "monthly") });
    expect((await billingOf(customer.userId)).planKey).toBe("2m");

    // A plan change starts the month's usage e-mails afresh.
    expect(await prisma.usageNotice.count({ where: { userId: customer.userId } })).toBe(0);

    // The older event arrives again, as a new delivery Stripe made late.
    const late = await fake.sendEvent({ ...older, id: `evt_late_${randomUUID().replaceAll("-", "")}` });
    expect(late?.status).toBe(200);
    expect((await billingOf(customer.userId)).planKey).toBe("2m");
  });

  it("marks a deleted subscription canceled, and the account locked after the grace period", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer);
    await fake.advanceSubscription(subscriptionId, { status: "canceled" });
    const billing = await billingOf(customer.userId);
    expect(billing.status).toBe("canceled");
    expect(billing.endedAt).not.toBeNull();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: customer.userId } });
    const statusAt = (ms: number) => billingStatus({ configured: true, accountCreatedAt: user.createdAt, billing, now: new Date(ms) });
    // The account was created today, so its 30-day trial still runs: the grace period starts
    // at the later of the trial's end and the subscription's end.
    const end = Math.max(user.createdAt.getTime() + 30 * DAY, billing.endedAt!.getTime());
    expect(statusAt(Date.now()).locked).toBe(false);
    expect(statusAt(end + (GRACE_DAYS - 1) * DAY)).toMatchObject({ kind: "grace" });
    expect(statusAt(end + (GRACE_DAYS + 1) * DAY)).toMatchObject({ kind: "locked", locked: true });
    expect(await billingMails(customer.userId)).toBe(1); // "your subscription has ended"
  });

  it("answers 500 when processing fails, records nothing, and processes the redelivery", async () => {
    const customer = await newCustomer();
    fake.setWebhookUrl(null);
    const subscriptionId = await checkout(fake, customer);
    fake.setWebhookUrl(rig.webhookUrl);
    const created = fake.events({ type: "customer.subscription.created" }).find((e) => (e.data.object as { id: string }).id === subscriptionId)!;

    fake.failNext(10); // the handler's subscriptions.retrieve fails (with the client's own retries)
    const failed = await fake.sendEvent(created);
    expect(failed?.status).toBe(500);
    expect(await prisma.stripeEvent.count({ where: { id: created.id } })).toBe(0);
    expect((await billingOf(customer.userId)).status).toBeNull();

    fake.failNext(0);
    const retried = await fake.redeliver(created.id);
    expect(retried?.status).toBe(200);
    expect((await billingOf(customer.userId)).status).toBe("active");
  });

  it("acknowledges and ignores events of customers it does not know", async () => {
    const stranger = await getStripe().customers.create({});
    const { delivery } = await fake.deliver("customer.subscription.updated", { id: "sub_of_a_stranger", object: "subscription", status: "active", customer: stranger.id });
    expect(delivery?.status).toBe(200);
    expect(await prisma.billingAccount.count({ where: { stripeCustomerId: stranger.id } })).toBe(0);
  });
});
