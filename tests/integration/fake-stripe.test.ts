import type { IncomingHttpHeaders } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "@/tests/fakes/fake-stripe";
import { listen, readBody, type ListeningServer } from "@/tests/fakes/http-helpers";

// The fake Stripe must speak Stripe's wire format: these tests drive it with the official
// `stripe` client (the one MiniStat will use), act on its hosted pages with plain HTTP as a
// browser would, and verify its webhooks at a small receiver with stripe.webhooks.constructEvent,
// as MiniStat's webhook route will.

const SECRET_KEY = "sk_test_fake_ministat_51AbCdEf";
const WEBHOOK_SECRET = "whsec_fake_ministat_0123456789";
const APP = "http://localhost:3100";
const DAY = 24 * 60 * 60;

type Received = { event: Stripe.Event | null; error: string | null; headers: IncomingHttpHeaders };

let fake: FakeStripe;
let stripe: Stripe;
let receiver: ListeningServer;
let received: Received[] = [];
let receiverStatus = 200;

beforeAll(async () => {
  fake = await startFakeStripe({ port: 0, secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  // No retries: a simulated 500 must reach the test (one test turns them back on).
  stripe = new Stripe(SECRET_KEY, { ...fake.clientOptions, maxNetworkRetries: 0 });
  // A webhook endpoint that verifies as MiniStat's will: the raw body and Stripe-Signature.
  receiver = await listen(
    0,
    async (req, res) => {
      const raw = await readBody(req);
      try {
        const event = stripe.webhooks.constructEvent(raw, req.headers["stripe-signature"] ?? "", WEBHOOK_SECRET);
        received.push({ event, error: null, headers: req.headers });
        res.writeHead(receiverStatus).end();
      } catch (error) {
        received.push({ event: null, error: error instanceof Error ? error.message : String(error), headers: req.headers });
        res.writeHead(400).end();
      }
    },
    "webhook-receiver",
  );
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

beforeEach(() => {
  fake.reset();
  fake.setWebhookUrl(`${receiver.url}/api/stripe/webhook`);
  received = [];
  receiverStatus = 200;
});

const receivedTypes = () => received.map((r) => r.event?.type ?? `refused: ${r.error}`);
const objectOf = (r: Received | undefined) => r?.event?.data.object as unknown as Record<string, unknown> | undefined;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Stripe.errors.StripeError);
  return outcome as Stripe.errors.StripeError;
}

/** "Pay and subscribe" on the hosted checkout page, as the browser submits it. */
async function payAndSubscribe(sessionUrl: string, form: Record<string, string> = {}) {
  const response = await fetch(sessionUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** A customer with an active subscription to `price`, through checkout. */
async function subscribe(price = "price_fake_pro_monthly") {
  const customer = await stripe.customers.create({ email: `owner-${Math.random().toString(36).slice(2)}@example.com` });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price, quantity: 1 }],
    success_url: `${APP}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP}/billing`,
  });
  expect((await payAndSubscribe(session.url ?? "")).status).toBe(303);
  const subscription = await stripe.subscriptions.retrieve(String((await stripe.checkout.sessions.retrieve(session.id)).subscription));
  received = [];
  return { customer, session, subscription };
}

describe("fake Stripe: the API through the official client", () => {
  it("creates, reads, updates, lists and deletes customers in Stripe's format", async () => {
    const customer = await stripe.customers.create({ email: "owner@example.com", name: "Ada", metadata: { account_id: "acc_1" } });
    expect(customer).toMatchObject({ object: "customer", email: "owner@example.com", name: "Ada", metadata: { account_id: "acc_1" }, livemode: false });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(Math.abs(customer.created - nowSeconds())).toBeLessThan(60);

    const updated = await stripe.customers.update(customer.id, { metadata: { plan: "pro", account_id: "" } });
    expect(updated.metadata, "metadata merges, and an empty value removes a key").toEqual({ plan: "pro" });

    await stripe.customers.create({ email: "someone@else.com" });
    const listed = await stripe.customers.list({ email: "owner@example.com" });
    expect(listed).toMatchObject({ object: "list", has_more: false, url: "/v1/customers" });
    expect(listed.data.map((c) => c.id)).toEqual([customer.id]);

    expect(await stripe.customers.del(customer.id)).toEqual({ id: customer.id, object: "customer", deleted: true });
    expect(await stripe.customers.retrieve(customer.id)).toEqual({ id: customer.id, object: "customer", deleted: true });
    expect((await stripe.customers.list()).data.map((c) => c.email)).toEqual(["someone@else.com"]);

    const [create] = fake.requests({ method: "POST", path: "/v1/customers" });
    expect(create?.params, "the log holds the parsed bracket notation").toEqual({ email: "owner@example.com", name: "Ada", metadata: { account_id: "acc_1" } });
    expect(create?.stripeVersion).toBe(Stripe.API_VERSION);
  });

  it("pages through lists newest first with limit and starting_after, and expands ids", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await stripe.customers.create({ email: `c${n}@example.com` })).id);
    const first = await stripe.customers.list({ limit: 2 });
    expect(first.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await stripe.customers.list({ limit: 2, starting_after: ids[1] });
    expect(second.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
    expect((await stripe.customers.list({ limit: 1 }).autoPagingToArray({ limit: 10 })).map((c) => c.id)).toEqual([...ids].reverse());

    const { customer, subscription } = await subscribe();
    const [expanded] = (await stripe.subscriptions.list({ customer: customer.id, expand: ["data.customer", "data.latest_invoice"] })).data;
    expect(expanded?.customer).toMatchObject({ id: customer.id, object: "customer" });
    expect(expanded?.latest_invoice).toMatchObject({ id: subscription.latest_invoice, object: "invoice", status: "paid" });
    const error = await rejection(stripe.subscriptions.retrieve(subscription.id, { expand: ["status"] }));
    expect(error.message).toBe("This property cannot be expanded (status).");
  });

  it("reads Stripe's bracket notation as curl writes it too: expand[], metadata keys that look like indexes", async () => {
    const auth = { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded" };
    const created = await fetch(`${fake.url}/v1/customers`, {
      method: "POST",
      headers: auth,
      body: "email=curl%40example.com&metadata[account_id]=acc_9&metadata[0]=zero",
    });
    expect(created.status).toBe(200);
    const customer = (await created.json()) as { id: string; metadata: Record<string, string> };
    expect(customer.metadata).toEqual({ account_id: "acc_9", 0: "zero" });

    const { subscription } = await subscribe();
    const listed = await fetch(`${fake.url}/v1/subscriptions?status=all&expand[]=data.customer&expand[]=data.latest_invoice`, { headers: auth });
    const body = (await listed.json()) as { data: { id: string; customer: { object: string }; latest_invoice: { object: string } }[] };
    expect(body.data.map((s) => [s.id, s.customer.object, s.latest_invoice.object])).toEqual([[subscription.id, "customer", "invoice"]]);

    const conflicting = await fetch(`${fake.url}/v1/customers`, { method: "POST", headers: auth, body: "metadata=&metadata[a]=b" });
    expect(conflicting.status).toBe(400);
    expect(((await conflicting.json()) as { error: { param: string } }).error.param).toBe("metadata[a]");
  });

  it("refuses a wrong or missing secret key with 401 in Stripe's error shape", async () => {
    const wrong = new Stripe("sk_test_not_the_right_key_1234", { ...fake.clientOptions, maxNetworkRetries: 0 });
    const error = await rejection(wrong.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe("Invalid API Key provided: sk_test_******************1234");

    const missing = await fetch(`${fake.url}/v1/customers`);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("You did not provide an API key");
    expect(fake.customers()).toEqual([]);
    expect(fake.requests().map((r) => r.status)).toEqual([401, 401]);
  });

  it("answers unknown ids with 404 resource_missing and bad parameters with 400 invalid_request_error", async () => {
    const missing = await rejection(stripe.customers.retrieve("cus_nope"));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id", message: "No such customer: 'cus_nope'", rawType: "invalid_request_error" });

    const raw = await fetch(`${fake.url}/v1/subscriptions/sub_nope`, { headers: { authorization: `Bearer ${SECRET_KEY}` } });
    expect(raw.status).toBe(404);
    expect(raw.headers.get("request-id")).toMatch(/^req_/);
    expect(await raw.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "id",
        message: "No such subscription: 'sub_nope'",
        doc_url: "https://stripe.com/docs/error-codes/resource-missing",
      },
    });

    const checkout = (overrides: Partial<Stripe.Checkout.SessionCreateParams>) =>
      rejection(
        stripe.checkout.sessions.create({
          mode: "subscription",
          line_items: [{ price: "price_fake_pro_monthly", quantity: 1 }],
          success_url: `${APP}/billing/success`,
          ...overrides,
        }),
      );
    expect(await checkout({ line_items: [{ price: "price_nope", quantity: 1 }] })).toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "line_items[0][price]",
      message: "No such price: 'price_nope'",
    });
    expect(await checkout({ success_url: undefined })).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "success_url" });
    expect(await checkout({ customer: "cus_nope" })).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
    expect(await checkout({ customer: "cus_x", customer_email: "a@b.eu" })).toMatchObject({ statusCode: 400, param: "customer" });

    const unknown = await rejection(stripe.rawRequest("POST", "/v1/customers", { emali: "typo@example.com" }));
    expect(unknown).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "emali" });
    const notANumber = await rejection(stripe.rawRequest("GET", "/v1/invoices?limit=ten"));
    expect(notANumber).toMatchObject({ statusCode: 400, param: "limit", message: "Invalid integer: ten" });
    const route = await rejection(stripe.rawRequest("GET", "/v1/charges"));
    expect(route.statusCode).toBe(404);
    expect(route.message).toContain("Unrecognized request URL (GET: /v1/charges)");
    expect(fake.customers(), "nothing was created by a refused request").toEqual([]);
  });

  it("answers 500 api_error to the next n requests after failNext(n), raised as StripeAPIError", async () => {
    fake.failNext(2);
    for (let i = 0; i < 2; i++) {
      const error = await rejection(stripe.customers.create({ email: "retry@example.com" }));
      expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(error).toMatchObject({ statusCode: 500, rawType: "api_error" });
    }
    await stripe.customers.create({ email: "retry@example.com" });
    expect(fake.customers().map((c) => c.email)).toEqual(["retry@example.com"]);
    expect(fake.requests().map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it("lets the client's own retry (same idempotency key) get past one failure, creating one customer", async () => {
    const retrying = new Stripe(SECRET_KEY, { ...fake.clientOptions, maxNetworkRetries: 1 });
    fake.failNext(1);
    const customer = await retrying.customers.create({ email: "once@example.com" });
    const attempts = fake.requests({ method: "POST", path: "/v1/customers" });
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    expect(attempts[0]?.idempotencyKey).toBeTruthy();
    expect(attempts[1]?.idempotencyKey).toBe(attempts[0]?.idempotencyKey);

    // A replay of a request that ran answers the same object and creates nothing.
    const key = "fixed-key-1";
    const first = await stripe.customers.create({ email: "replay@example.com" }, { idempotencyKey: key });
    const replay = await stripe.customers.create({ email: "replay@example.com" }, { idempotencyKey: key });
    expect(replay.id).toBe(first.id);
    expect(fake.requests({ path: "/v1/customers" }).at(-1)?.replayed).toBe(true);
    const reused = await rejection(stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: key }));
    expect(reused).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(fake.customers().map((c) => c.id)).toEqual([customer.id, first.id]);
  });
});

describe("fake Stripe: checkout", () => {
  it("turns a paid checkout into a subscription, an invoice and signed webhooks, then redirects to success_url", async () => {
    const customer = await stripe.customers.create({ email: "owner@example.com", metadata: { account_id: "acc_1" } });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      client_reference_id: "acc_1",
      line_items: [{ price: "price_fake_pro_monthly", quantity: 1 }],
      success_url: `${APP}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${APP}/billing`,
      metadata: { account_id: "acc_1" },
      subscription_data: { metadata: { account_id: "acc_1" } },
    });
    expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", mode: "subscription", customer: customer.id, subscription: null });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);

    const page = await fetch(session.url ?? "");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Fake Stripe Checkout</h1>");
    expect(html).toContain("Pro (monthly)");
    expect(html).toContain("€19.00 per month");
    expect(html).toContain('<button type="submit">Pay and subscribe</button>');
    expect(html).toContain(`<a href="${APP}/billing">Cancel</a>`);

    const paid = await payAndSubscribe(session.url ?? "");
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`${APP}/billing/success?session_id=${session.id}`);

    // Delivered, in order, before the redirect; each verified by constructEvent with the secret.
    expect(receivedTypes()).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(received[0]?.headers["stripe-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    for (const { event } of received) {
      expect(event).toMatchObject({ object: "event", api_version: Stripe.API_VERSION, livemode: false });
      expect(event?.id).toMatch(/^evt_/);
    }
    const completed = objectOf(received[0]);
    expect(completed).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", customer: customer.id, client_reference_id: "acc_1", metadata: { account_id: "acc_1" } });
    expect(String(completed?.subscription)).toMatch(/^sub_/);

    const retrieved = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    const subscription = retrieved.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ object: "subscription", status: "active", customer: customer.id, cancel_at_period_end: false, cancel_at: null, canceled_at: null, trial_end: null, metadata: { account_id: "acc_1" } });
    const item = subscription.items.data[0];
    expect(item?.price).toMatchObject({ id: "price_fake_pro_monthly", unit_amount: 1900, currency: "eur", recurring: { interval: "month" } });
    expect(item?.current_period_start).toBe(subscription.start_date);
    const periodDays = ((item?.current_period_end ?? 0) - (item?.current_period_start ?? 0)) / DAY;
    expect(periodDays).toBeGreaterThanOrEqual(28);
    expect(periodDays).toBeLessThanOrEqual(31);
    expect(subscription, "the period is on the subscription too, for older API versions").toMatchObject({
      current_period_start: item?.current_period_start,
      current_period_end: item?.current_period_end,
    });

    const invoices = await stripe.invoices.list({ customer: customer.id, limit: 10 });
    expect(invoices.has_more).toBe(false);
    expect(invoices.data).toHaveLength(1);
    expect(invoices.data[0]).toMatchObject({
      object: "invoice",
      id: subscription.latest_invoice,
      status: "paid",
      amount_paid: 1900,
      currency: "eur",
      billing_reason: "subscription_create",
      parent: { subscription_details: { subscription: subscription.id } },
    });
    expect(objectOf(received[2])).toMatchObject({ id: subscription.latest_invoice, status: "paid" });

    const again = await payAndSubscribe(session.url ?? "");
    expect(again.status, "a completed session cannot be paid twice").toBe(409);
    expect(fake.subscriptions()).toHaveLength(1);
  });

  it("starts a trial when subscription_data asks for one: trialing, no invoice, customer made from the entered email", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: "price_fake_starter_monthly", quantity: 1 }],
      success_url: `${APP}/billing/success`,
      subscription_data: { trial_period_days: 14 },
    });
    expect(session).toMatchObject({ amount_total: 0, customer: null });
    const html = await (await fetch(session.url ?? "")).text();
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain("Free trial");

    expect((await payAndSubscribe(session.url ?? "", { email: "not-an-address" })).status).toBe(400);
    const paid = await payAndSubscribe(session.url ?? "", { email: "trial@example.com" });
    expect(paid).toMatchObject({ status: 303, location: `${APP}/billing/success` });

    expect(receivedTypes()).toEqual(["checkout.session.completed", "customer.subscription.created"]);
    const subscription = objectOf(received[1]) as unknown as Stripe.Subscription;
    expect(subscription.status).toBe("trialing");
    expect(subscription.trial_end).toBe((subscription.trial_start ?? 0) + 14 * DAY);
    expect(subscription.items.data[0]?.current_period_end).toBe(subscription.trial_end);
    expect(fake.customers().map((c) => c.email)).toEqual(["trial@example.com"]);
    expect(subscription.customer).toBe(fake.customers()[0]?.id);
    expect((await stripe.invoices.list({ customer: String(subscription.customer) })).data).toEqual([]);

    const ended = await stripe.subscriptions.update(subscription.id, { trial_end: "now" });
    expect(ended.status, "trial_end=now ends the trial and bills the first period").toBe("active");
    await fake.idle();
    expect(receivedTypes().slice(2)).toEqual(["customer.subscription.updated", "invoice.paid"]);
    expect(objectOf(received[3])).toMatchObject({ id: ended.latest_invoice, amount_paid: 900, status: "paid" });

    const past = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "late@example.com",
      line_items: [{ price: "price_fake_starter_monthly", quantity: 1 }],
      success_url: `${APP}/billing/success`,
      subscription_data: { trial_end: nowSeconds() - 60 },
    });
    received = [];
    await payAndSubscribe(past.url ?? "");
    expect(receivedTypes(), "a trial_end in the past starts an active, paid subscription").toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
  });
});

describe("fake Stripe: subscriptions and the customer portal", () => {
  it("lets the customer cancel at the period end, renew and switch plan in the portal, with webhooks", async () => {
    const { customer, subscription } = await subscribe("price_fake_pro_monthly");
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: `${APP}/billing` });
    expect(portal).toMatchObject({ object: "billing_portal.session", customer: customer.id, return_url: `${APP}/billing`, url: `${fake.url}/portal/${portal.id}` });
    expect(portal.id).toMatch(/^bps_/);

    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("<h1>Fake Stripe customer portal</h1>");
    expect(page).toContain('<button type="submit">Cancel subscription</button>');
    expect(page).toContain(`<a href="${APP}/billing">Return to MiniStat</a>`);

    const act = async (action: string, fields: Record<string, string>) => {
      const response = await fetch(`${portal.url}/${action}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`/portal/${portal.id}`);
    };

    await act("cancel", { subscription: subscription.id });
    expect(receivedTypes()).toEqual(["customer.subscription.updated"]);
    const periodEnd = subscription.items.data[0]?.current_period_end;
    expect(objectOf(received[0])).toMatchObject({ id: subscription.id, status: "active", cancel_at_period_end: true, cancel_at: periodEnd });
    expect(received[0]?.event?.data).toMatchObject({ previous_attributes: { cancel_at_period_end: false, cancel_at: null } });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ cancel_at_period_end: true, cancel_at: periodEnd });
    const cancelled = await (await fetch(portal.url)).text();
    expect(cancelled).toContain("Renew subscription");
    expect(cancelled).toContain(`Cancels on ${new Date((periodEnd ?? 0) * 1000).toISOString().slice(0, 10)}`);

    await act("renew", { subscription: subscription.id });
    expect(objectOf(received[1])).toMatchObject({ cancel_at_period_end: false, cancel_at: null });

    await act("switch", { subscription: subscription.id, price: "price_fake_pro_yearly" });
    const switched = objectOf(received[2]) as unknown as Stripe.Subscription;
    expect(switched.items.data[0]?.price).toMatchObject({ id: "price_fake_pro_yearly", recurring: { interval: "year" } });
    expect(receivedTypes()).toEqual(["customer.subscription.updated", "customer.subscription.updated", "customer.subscription.updated"]);

    const foreign = await fetch(`${portal.url}/cancel`, { method: "POST", body: new URLSearchParams({ subscription: "sub_someone_else" }), redirect: "manual" });
    expect(foreign.status).toBe(404);
  });

  it("updates (cancel_at_period_end, price), cancels at once and lists subscriptions by customer", async () => {
    const { customer, subscription } = await subscribe("price_fake_starter_monthly");
    const item = subscription.items.data[0];

    const scheduled = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(scheduled).toMatchObject({ cancel_at_period_end: true, cancel_at: item?.current_period_end, status: "active" });
    const upgraded = await stripe.subscriptions.update(subscription.id, { items: [{ id: item?.id, price: "price_fake_pro_monthly" }], proration_behavior: "create_prorations" });
    expect(upgraded.items.data[0]).toMatchObject({ id: item?.id, price: { id: "price_fake_pro_monthly", unit_amount: 1900 } });
    await fake.idle();
    expect(receivedTypes()).toEqual(["customer.subscription.updated", "customer.subscription.updated"]);
    expect(received[1]?.event?.request).toMatchObject({ id: expect.stringMatching(/^req_/) });

    expect((await stripe.subscriptions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([subscription.id]);
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled", cancel_at_period_end: false });
    expect(Math.abs((canceled.canceled_at ?? 0) - nowSeconds())).toBeLessThan(60);
    await fake.idle();
    expect(receivedTypes().at(-1)).toBe("customer.subscription.deleted");
    expect((await stripe.subscriptions.list({ customer: customer.id })).data, "canceled ones are left out by default").toEqual([]);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data.map((s) => s.status)).toEqual(["canceled"]);

    const late = await rejection(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false }));
    expect(late).toMatchObject({ statusCode: 400, message: "A canceled subscription can only update its cancellation_details and metadata." });
  });

  it("cancels a deleted customer's subscriptions at once", async () => {
    const { customer, subscription } = await subscribe();
    await stripe.customers.del(customer.id);
    await fake.idle();
    expect(receivedTypes()).toEqual(["customer.subscription.deleted", "customer.deleted"]);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "canceled" });
    const portal = await rejection(stripe.billingPortal.sessions.create({ customer: customer.id }));
    expect(portal).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
  });

  it("changes subscriptions for tests (advanceSubscription): renewal, failed payment, end of a canceled one", async () => {
    const { subscription } = await subscribe("price_fake_pro_monthly");
    const firstEnd = subscription.items.data[0]?.current_period_end ?? 0;

    const renewed = await fake.advanceSubscription(subscription.id, { renew: true });
    expect(renewed).toMatchObject({ status: "active", current_period_start: firstEnd });
    expect(renewed.items.data[0]?.current_period_start).toBe(firstEnd);
    expect(receivedTypes()).toEqual(["customer.subscription.updated", "invoice.paid"]);
    expect(objectOf(received[1])).toMatchObject({ billing_reason: "subscription_cycle", period_start: firstEnd, amount_paid: 1900 });

    await fake.advanceSubscription(subscription.id, { status: "past_due", invoice: "payment_failed" });
    expect(receivedTypes().slice(2)).toEqual(["customer.subscription.updated", "invoice.payment_failed"]);
    expect(received[2]?.event?.data).toMatchObject({ object: { status: "past_due" }, previous_attributes: { status: "active" } });
    expect(objectOf(received[3])).toMatchObject({ status: "open", amount_paid: 0, amount_remaining: 1900 });

    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const ended = await fake.advanceSubscription(subscription.id, { renew: true });
    expect(ended.status, "renewing a subscription set to cancel ends it").toBe("canceled");
    expect(receivedTypes().at(-1)).toBe("customer.subscription.deleted");
    expect((await stripe.invoices.list({ subscription: subscription.id })).data.map((i) => i.status)).toEqual(["open", "paid", "paid"]);
  });
});

describe("fake Stripe: webhooks", () => {
  it("delivers arbitrary, duplicate, out-of-order and badly signed events for the receiver to judge", async () => {
    const { subscription } = await subscribe();
    const { event, delivery } = await fake.deliver("customer.subscription.updated", { ...subscription, status: "past_due" });
    expect(delivery).toMatchObject({ eventId: event.id, status: 200, attempt: 1, signature: "valid", error: null });
    expect(received[0]?.event).toMatchObject({ id: event.id, type: "customer.subscription.updated", data: { object: { status: "past_due" } } });

    const duplicate = await fake.redeliver(event.id);
    expect(duplicate).toMatchObject({ eventId: event.id, status: 200, attempt: 2 });
    expect(received.map((r) => r.event?.id)).toEqual([event.id, event.id]);

    const older = { ...event, id: "evt_older_one", created: event.created - 3600 };
    await fake.sendEvent(older);
    expect(received[2]?.event).toMatchObject({ id: "evt_older_one", created: event.created - 3600 });

    const forged = await fake.sendEvent(event, { secret: "whsec_not_the_secret" });
    expect(forged).toMatchObject({ status: 400, signature: "custom" });
    expect(received[3]?.error).toContain("No signatures found matching the expected signature for payload");
    const stale = await fake.sendEvent(event, { timestamp: nowSeconds() - 3600 });
    expect(stale?.status).toBe(400);
    expect(received[4]?.error).toContain("Timestamp outside the tolerance zone");

    receiverStatus = 500;
    expect((await fake.redeliver(event.id))?.status, "the receiver's answer is recorded").toBe(500);
    expect(fake.deliveries({ eventId: event.id }).map((d) => d.status)).toEqual([200, 200, 400, 400, 500]);

    fake.setWebhookUrl(null);
    const unsent = await fake.deliver("invoice.paid", { id: "in_x", object: "invoice" });
    expect(unsent.delivery, "without a webhook URL events are only recorded").toBeNull();
    expect(fake.events({ type: "invoice.paid" }).map((e) => e.id)).toContain(unsent.event.id);
    expect(await stripe.events.retrieve(unsent.event.id)).toMatchObject({ id: unsent.event.id, type: "invoice.paid" });
  });

  it("records a delivery that could not connect", async () => {
    const closed = await listen(0, () => undefined, "closed");
    await closed.close();
    fake.setWebhookUrl(`${closed.url}/webhook`);
    const { delivery } = await fake.deliver("customer.updated", { id: "cus_x", object: "customer" });
    expect(delivery).toMatchObject({ status: null, url: `${closed.url}/webhook` });
    expect(delivery?.error).toBeTruthy();
  });
});

describe("fake Stripe: control API over HTTP", () => {
  const control = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const response = await fetch(`${fake.url}/__fake${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it("is driven by another process: failures, state, subscription changes, events, reset", async () => {
    expect((await control("POST", "/fail?count=1")).status).toBe(200);
    expect((await rejection(stripe.customers.create({}))).statusCode).toBe(500);
    const { subscription } = await subscribe();
    const requests = (await control("GET", "/requests?method=POST&path=/v1/customers")).body as { status: number }[];
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(((await control("GET", "/subscriptions")).body as { id: string }[]).map((s) => s.id)).toEqual([subscription.id]);
    expect((await control("GET", "/customers")).body).toHaveLength(1);
    expect((await control("GET", "/invoices")).body).toHaveLength(1);

    const changed = await control("POST", `/subscriptions/${subscription.id}`, { status: "past_due" });
    expect(changed).toMatchObject({ status: 200, body: { id: subscription.id, status: "past_due" } });
    expect(receivedTypes()).toEqual(["customer.subscription.updated"]);
    await control("POST", `/subscriptions/${subscription.id}`, { status: "canceled" });
    expect(receivedTypes()).toEqual(["customer.subscription.updated", "customer.subscription.deleted"]);
    expect((await control("POST", `/subscriptions/${subscription.id}`, { status: "sleeping" })).status).toBe(400);
    expect((await control("POST", "/subscriptions/sub_nope", { status: "active" })).status).toBe(404);

    const sent = await control("POST", "/events", { type: "invoice.payment_failed", object: { id: "in_1", object: "invoice" } });
    const eventId = (sent.body as { event: { id: string } }).event.id;
    expect(sent.body).toMatchObject({ delivery: { status: 200 } });
    expect((await control("POST", `/events/${eventId}/redeliver`, { secret: "whsec_wrong" })).body).toMatchObject({ delivery: { status: 400, attempt: 2 } });
    const deliveries = (await control("GET", `/deliveries?event=${eventId}`)).body as { status: number }[];
    expect(deliveries.map((d) => d.status)).toEqual([200, 400]);
    expect(((await control("GET", "/events?type=invoice.payment_failed")).body as unknown[]).length).toBe(1);

    expect((await control("POST", "/webhook", { url: null })).status).toBe(200);
    expect((await control("POST", "/events", { type: "x.y", object: {} })).body).toMatchObject({ delivery: null });
    expect((await control("POST", "/fail?count=-1")).status).toBe(400);
    expect((await control("POST", "/reset")).status).toBe(200);
    expect(fake.subscriptions()).toEqual([]);
    expect(fake.events()).toEqual([]);
  });
});
