import Stripe from "stripe";
import { listen } from "./http-helpers";
import { createApiHandler, type ApiState, type FakeStripeRequest } from "./fake-stripe/api";
import { changeSubscription, type SubscriptionChanges } from "./fake-stripe/billing";
import { createControlHandler } from "./fake-stripe/control";
import { createHostedHandler } from "./fake-stripe/hosted";
import type {
  FakeStripeCheckoutSession,
  FakeStripeCustomer,
  FakeStripeEvent,
  FakeStripeInvoice,
  FakeStripePrice,
  FakeStripeSubscription,
} from "./fake-stripe/objects";
import { DEFAULT_FAKE_PRICES, isDeleted, Store, type FakeStripePriceInput } from "./fake-stripe/store";
import { Webhooks, type FakeStripeDelivery, type FakeStripeSendOptions } from "./fake-stripe/webhooks";

// A local stand-in for the part of Stripe's REST API that MiniStat's billing uses, speaking
// Stripe's wire format so that the official `stripe` client runs unmodified against it:
//   new Stripe(secretKey, { ...fake.clientOptions, maxNetworkRetries: 0 })
//
//   /v1/customers (POST, GET), /v1/customers/:id (GET, POST, DELETE)
//   /v1/checkout/sessions (POST), /v1/checkout/sessions/:id (GET)
//   /v1/billing_portal/sessions (POST)
//   /v1/subscriptions (GET), /v1/subscriptions/:id (GET, POST, DELETE)
//   /v1/invoices (GET), /v1/invoices/:id, /v1/prices, /v1/prices/:id, /v1/events/:id (GET)
//
// Form-encoded requests in bracket notation, Bearer secret-key auth, JSON answers with
// `object` fields, Stripe's ids (cus_, cs_test_, sub_, si_, in_, bps_, evt_), unix-second
// timestamps, Stripe's error shape, list pagination, `expand`, idempotent replays.
// Checkout and the customer portal are small HTML pages on the fake itself (fake-stripe/hosted.ts);
// what they do is delivered as signed webhooks (fake-stripe/webhooks.ts). Test controls below
// and over HTTP under /__fake/ (fake-stripe/control.ts). The price catalog is fixed at start
// (DEFAULT_FAKE_PRICES unless `prices` is given).

export { DEFAULT_FAKE_PRICES };
export type { SubscriptionChanges } from "./fake-stripe/billing";
export type { FakeStripeRequest } from "./fake-stripe/api";
export type { FakeStripeDelivery, FakeStripeSendOptions } from "./fake-stripe/webhooks";
export type { FakeStripePriceInput } from "./fake-stripe/store";
export type * from "./fake-stripe/objects";

export type FakeStripeOptions = {
  /** 0 picks a free port. */
  port: number;
  /** The secret key the API accepts (sk_test_…). */
  secretKey: string;
  /** The webhook endpoint's signing secret (whsec_…). */
  webhookSecret: string;
  /** Where events are POSTed; can be set later (setWebhookUrl). Without one, events are only recorded. */
  webhookUrl?: string;
  prices?: FakeStripePriceInput[];
  /** The api_version written into events; the stripe package's by default. */
  apiVersion?: string;
  /** Named on the hosted pages: "Return to MiniStat". */
  businessName?: string;
};

export type FakeStripe = {
  url: string;
  host: string;
  port: number;
  /** For `new Stripe(key, { ...fake.clientOptions })`. */
  clientOptions: { host: string; port: number; protocol: "http" };
  close: () => Promise<void>;
  /** Customers that are not deleted, oldest first. */
  customers: () => FakeStripeCustomer[];
  /** Subscriptions of every status, oldest first. */
  subscriptions: (filter?: { customer?: string }) => FakeStripeSubscription[];
  invoices: (filter?: { customer?: string }) => FakeStripeInvoice[];
  checkoutSessions: () => FakeStripeCheckoutSession[];
  prices: () => FakeStripePrice[];
  /** The /v1 requests received, oldest first. */
  requests: (filter?: { method?: string; path?: string }) => FakeStripeRequest[];
  /** Every event created or sent, oldest first. */
  events: (filter?: { type?: string }) => FakeStripeEvent[];
  /** Every webhook delivery attempt so far, oldest first (see idle()). */
  deliveries: (filter?: { type?: string; eventId?: string }) => FakeStripeDelivery[];
  /** The next `n` API requests (with a valid key) answer 500 api_error. */
  failNext: (n: number) => void;
  /** Forgets customers, sessions, subscriptions, invoices, events, deliveries, requests and pending failures. */
  reset: () => void;
  setWebhookUrl: (url: string | null) => void;
  /**
   * Changes a subscription as time or Stripe would (status, period, cancellation, price, a
   * renewal with its invoice …), emits customer.subscription.updated / .deleted (and
   * invoice.paid / .payment_failed), and resolves after their delivery.
   */
  advanceSubscription: (id: string, changes: SubscriptionChanges) => Promise<FakeStripeSubscription>;
  /** Creates an event about `object` and delivers it (signed with `options` if given). */
  deliver: (type: string, object: unknown, options?: FakeStripeSendOptions) => Promise<{ event: FakeStripeEvent; delivery: FakeStripeDelivery | null }>;
  /** Delivers any event as given: out of order, a duplicate, a forged one … */
  sendEvent: (event: FakeStripeEvent, options?: FakeStripeSendOptions) => Promise<FakeStripeDelivery | null>;
  /** Delivers a recorded event again (same id and body, a fresh signature). */
  redeliver: (eventId: string, options?: FakeStripeSendOptions) => Promise<FakeStripeDelivery | null>;
  /** Resolves once every webhook queued so far has been answered or has failed. */
  idle: () => Promise<void>;
};

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const store = new Store(options.prices ?? DEFAULT_FAKE_PRICES);
  const webhooks = new Webhooks(options.webhookSecret, options.webhookUrl ?? null, options.apiVersion ?? Stripe.API_VERSION);
  const state: ApiState = { requests: [], failuresLeft: 0, idempotent: new Map() };
  const handleApi = createApiHandler(store, webhooks, state, options.secretKey, options.apiVersion ?? Stripe.API_VERSION);
  const handleHosted = createHostedHandler(store, webhooks, options.businessName ?? "MiniStat");
  // The control API drives the fake object built below, once the server has its URL.
  const control: { handle?: ReturnType<typeof createControlHandler> } = {};

  const server = await listen(
    options.port,
    async (req, res, url) => {
      if (url.pathname.startsWith("/v1/")) return handleApi(req, res, url);
      if (url.pathname.startsWith("/__fake/") && control.handle) return control.handle(req, res, url);
      return handleHosted(req, res, url);
    },
    "fake-stripe",
  );
  store.baseUrl = server.url;
  const port = Number(new URL(server.url).port);
  const byType = <T extends { type: string }>(items: T[], type?: string) => items.filter((item) => type === undefined || item.type === type);

  const fake: FakeStripe = {
    url: server.url,
    host: "127.0.0.1",
    port,
    clientOptions: { host: "127.0.0.1", port, protocol: "http" },
    close: server.close,
    customers: () => structuredClone([...store.customers.values()].filter((c): c is FakeStripeCustomer => !isDeleted(c))),
    subscriptions: (filter) => structuredClone([...store.subscriptions.values()].filter((s) => !filter?.customer || s.customer === filter.customer)),
    invoices: (filter) => structuredClone([...store.invoices.values()].filter((i) => !filter?.customer || i.customer === filter.customer)),
    checkoutSessions: () => structuredClone([...store.checkoutSessions.values()].map((entry) => entry.session)),
    prices: () => structuredClone([...store.prices.values()]),
    requests: (filter) =>
      structuredClone(state.requests.filter((r) => (!filter?.method || r.method === filter.method.toUpperCase()) && (!filter?.path || r.path === filter.path))),
    events: (filter) => byType(webhooks.allEvents(), filter?.type),
    deliveries: (filter) => byType(webhooks.deliveries(), filter?.type).filter((d) => !filter?.eventId || d.eventId === filter.eventId),
    failNext: (n) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError("failNext(n) needs a non-negative integer");
      state.failuresLeft = n;
    },
    reset: () => {
      store.reset();
      webhooks.reset();
      state.requests = [];
      state.failuresLeft = 0;
      state.idempotent.clear();
    },
    setWebhookUrl: (url) => {
      webhooks.url = url;
    },
    advanceSubscription: async (id, changes) => {
      const subscription = changeSubscription(store, (type, object, previous) => webhooks.emit(type, object, previous), store.subscription(id), changes);
      await webhooks.idle();
      return structuredClone(subscription);
    },
    deliver: async (type, object, sendOptions) => {
      const event = webhooks.createEvent(type, object);
      return { event: structuredClone(event), delivery: await webhooks.send(event, sendOptions) };
    },
    sendEvent: (event, sendOptions) => webhooks.send(event, sendOptions),
    redeliver: (eventId, sendOptions) => webhooks.redeliver(eventId, sendOptions),
    idle: () => webhooks.idle(),
  };
  control.handle = createControlHandler(fake);
  return fake;
}
