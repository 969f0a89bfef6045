import { trialEndOf } from "./billing";
import { invalidRequest, missingParam } from "./errors";
import type { CheckoutPlan, FakeStripeCheckoutSession, FakeStripePortalSession } from "./objects";
import { mergeMetadata } from "./params";
import { route, type ApiContext } from "./router";
import { newId, unixNow } from "./store";

// POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, POST /v1/billing_portal/sessions.
// Only subscription mode with one recurring price: what MiniStat sells. The session's `url`
// is the fake's own checkout page (hosted.ts), the portal session's the fake's portal page.

const CHECKOUT_SESSION_TTL_SECONDS = 24 * 60 * 60;

// Accepted and ignored: they change what Stripe's page looks like, not what it creates.
const COSMETIC_CHECKOUT_PARAMS = [
  "allow_promotion_codes",
  "automatic_tax",
  "billing_address_collection",
  "consent_collection",
  "customer_update",
  "locale",
  "payment_method_collection",
  "payment_method_types",
  "tax_id_collection",
];

function createCheckoutSession({ params, store }: ApiContext): FakeStripeCheckoutSession {
  params.only(
    "mode",
    "line_items",
    "success_url",
    "cancel_url",
    "customer",
    "customer_email",
    "client_reference_id",
    "metadata",
    "subscription_data",
    "ui_mode",
    ...COSMETIC_CHECKOUT_PARAMS,
  );
  const mode = params.oneOf("mode", ["payment", "setup", "subscription"]);
  if (mode === undefined) throw missingParam("mode");
  if (mode !== "subscription") throw invalidRequest(`The fake Stripe supports mode=subscription only, not ${mode}.`, "mode");
  if ((params.oneOf("ui_mode", ["hosted", "embedded", "custom"]) ?? "hosted") !== "hosted") {
    throw invalidRequest("The fake Stripe supports ui_mode=hosted only.", "ui_mode");
  }
  const successUrl = params.requiredString("success_url");
  const cancelUrl = params.nullableString("cancel_url") ?? null;
  for (const [name, value] of [["success_url", successUrl], ["cancel_url", cancelUrl]] as const) {
    if (value !== null && !URL.canParse(value)) throw invalidRequest("Not a valid URL", name, "url_invalid");
  }

  const customerId = params.string("customer");
  const customerEmail = params.string("customer_email");
  if (customerId !== undefined && customerEmail !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", "customer");
  }
  if (customerId !== undefined) store.customer(customerId, "customer");

  const [item, ...moreItems] = params.list("line_items") ?? [];
  if (!item) throw missingParam("line_items");
  if (moreItems.length > 0) throw invalidRequest("The fake Stripe supports one line item per checkout session.", "line_items");
  item.only("price", "quantity");
  const price = store.price(item.requiredString("price"), item.name("price"));
  const quantity = item.int("quantity");
  if (quantity === undefined) throw missingParam(item.name("quantity"));
  if (quantity < 1) throw invalidRequest("This value must be greater than or equal to 1.", item.name("quantity"));

  const subscriptionData = params.object("subscription_data")?.only("trial_end", "trial_period_days", "metadata", "description");
  const trialEnd = subscriptionData?.int("trial_end");
  const trialDays = subscriptionData?.int("trial_period_days");
  if (trialEnd !== undefined && trialDays !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: subscription_data[trial_end], subscription_data[trial_period_days].", "subscription_data[trial_end]");
  }
  if (trialDays !== undefined && trialDays < 1) throw invalidRequest("This value must be greater than or equal to 1.", "subscription_data[trial_period_days]");

  const now = unixNow();
  const plan: CheckoutPlan = {
    price,
    quantity,
    trialEnd: trialEnd ?? null,
    trialDays: trialDays ?? null,
    metadata: mergeMetadata({}, subscriptionData?.metadata()),
    description: subscriptionData?.string("description") ?? null,
  };
  const planTrialEnd = trialEndOf(plan, now);
  const trialing = planTrialEnd !== null && planTrialEnd > now;
  const id = newId("cs_test_", 58);
  const session: FakeStripeCheckoutSession = {
    id,
    object: "checkout.session",
    url: `${store.baseUrl}/checkout/${id}`,
    status: "open",
    payment_status: "unpaid",
    mode: "subscription",
    customer: customerId ?? null,
    customer_email: customerEmail ?? null,
    customer_details: null,
    client_reference_id: params.string("client_reference_id") ?? null,
    subscription: null,
    invoice: null,
    success_url: successUrl,
    cancel_url: cancelUrl,
    metadata: mergeMetadata({}, params.metadata()),
    currency: price.currency,
    amount_subtotal: trialing ? 0 : price.unit_amount * quantity,
    amount_total: trialing ? 0 : price.unit_amount * quantity,
    created: now,
    expires_at: now + CHECKOUT_SESSION_TTL_SECONDS,
    livemode: false,
  };
  store.checkoutSessions.set(id, { session, plan });
  return session;
}

function retrieveCheckoutSession({ id, params, store }: ApiContext): FakeStripeCheckoutSession {
  params.only();
  return store.checkoutSession(id).session;
}

function createPortalSession({ params, store }: ApiContext): FakeStripePortalSession {
  params.only("customer", "return_url", "configuration", "locale");
  const customer = store.customer(params.requiredString("customer"), "customer");
  const returnUrl = params.string("return_url") ?? null;
  if (returnUrl !== null && !URL.canParse(returnUrl)) throw invalidRequest("Not a valid URL", "return_url", "url_invalid");
  const id = newId("bps_");
  const session: FakeStripePortalSession = {
    id,
    object: "billing_portal.session",
    customer: customer.id,
    return_url: returnUrl,
    url: `${store.baseUrl}/portal/${id}`,
    configuration: params.string("configuration") ?? "bpc_fake_default",
    flow: null,
    locale: params.string("locale") ?? null,
    on_behalf_of: null,
    created: unixNow(),
    livemode: false,
  };
  store.portalSessions.set(id, session);
  return session;
}

export const checkoutRoutes = [
  route("POST", "/v1/checkout/sessions", createCheckoutSession),
  route("GET", "/v1/checkout/sessions/:id", retrieveCheckoutSession),
  route("POST", "/v1/billing_portal/sessions", createPortalSession),
];
