import { changeSubscription, firstItem, periodEnd, type SubscriptionChanges } from "./billing";
import { invalidRequest, noSuch } from "./errors";
import { LIST_PARAMS, paginate } from "./lists";
import { SUBSCRIPTION_STATUSES, type FakeStripeSubscription } from "./objects";
import type { Params } from "./params";
import { route, type ApiContext } from "./router";
import { unixNow } from "./store";

// GET /v1/subscriptions, GET/POST/DELETE /v1/subscriptions/:id
// Updates emit customer.subscription.updated, cancellation customer.subscription.deleted.

function listSubscriptions({ params, store }: ApiContext) {
  params.only("customer", "status", "price", ...LIST_PARAMS);
  const customer = params.string("customer");
  const price = params.string("price");
  // By default Stripe lists the subscriptions that are not canceled; status=all lists every one.
  const status = params.oneOf("status", [...SUBSCRIPTION_STATUSES, "all", "ended"]);
  const matches = (s: FakeStripeSubscription) =>
    (customer === undefined || s.customer === customer) &&
    (price === undefined || s.items.data.some((item) => item.price.id === price)) &&
    (status === "all" ||
      (status === undefined && s.status !== "canceled") ||
      (status === "ended" && (s.status === "canceled" || s.status === "incomplete_expired")) ||
      s.status === status);
  return paginate([...store.subscriptions.values()].filter(matches), params, "/v1/subscriptions", "subscription");
}

function retrieveSubscription({ id, params, store }: ApiContext): FakeStripeSubscription {
  params.only();
  return store.subscription(id);
}

function updateSubscription({ id, params, store, emit }: ApiContext): FakeStripeSubscription {
  params.only("cancel_at_period_end", "cancel_at", "items", "metadata", "proration_behavior", "payment_behavior", "trial_end", "cancellation_details");
  const subscription = store.subscription(id);
  // Prorations are not modelled: the new price applies from the next invoice.
  params.oneOf("proration_behavior", ["create_prorations", "none", "always_invoice"]);
  params.oneOf("payment_behavior", ["allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"]);
  const changes: SubscriptionChanges = {
    ...itemChanges(params, subscription, store.price.bind(store)),
    ...trialChanges(params, subscription),
  };
  const cancelAtPeriodEnd = params.bool("cancel_at_period_end");
  if (cancelAtPeriodEnd !== undefined) changes.cancel_at_period_end = cancelAtPeriodEnd;
  const cancelAt = params.nullableInt("cancel_at");
  if (cancelAt !== undefined) changes.cancel_at = cancelAt;
  const metadata = params.metadata();
  if (metadata !== undefined) changes.metadata = metadata ?? Object.fromEntries(Object.keys(subscription.metadata).map((k) => [k, ""]));
  const details = cancellationDetails(params);
  if (details) changes.cancellation_details = details;
  return changeSubscription(store, emit, subscription, changes);
}

/** Cancels at once (not at the period end: that is an update with cancel_at_period_end). */
function cancelSubscription({ id, params, store, emit }: ApiContext): FakeStripeSubscription {
  params.only("invoice_now", "prorate", "cancellation_details");
  params.bool("invoice_now");
  params.bool("prorate");
  const subscription = store.subscription(id);
  return changeSubscription(store, emit, subscription, { status: "canceled", cancellation_details: cancellationDetails(params) });
}

/** `items[0][id]=si_…&items[0][price]=price_…`: switching the price of the subscription's item. */
function itemChanges(params: Params, subscription: FakeStripeSubscription, price: (id: string, param: string) => unknown): SubscriptionChanges {
  const items = params.list("items");
  if (items === undefined) return {};
  const [item, ...more] = items;
  if (!item || more.length > 0) throw invalidRequest("The fake Stripe supports changing the one item of a subscription: pass items[0][id] and items[0][price].", "items");
  item.only("id", "price", "quantity");
  const itemId = item.requiredString("id");
  if (itemId !== firstItem(subscription).id) throw noSuch("subscription item", itemId, item.name("id"));
  const changes: SubscriptionChanges = {};
  const priceId = item.string("price");
  if (priceId !== undefined) {
    price(priceId, item.name("price"));
    changes.price = priceId;
  }
  const quantity = item.int("quantity");
  if (quantity !== undefined) {
    if (quantity < 1) throw invalidRequest("This value must be greater than or equal to 1.", item.name("quantity"));
    changes.quantity = quantity;
  }
  return changes;
}

/** `trial_end=now` ends a trial (the first period starts and is billed); a timestamp moves it. */
function trialChanges(params: Params, subscription: FakeStripeSubscription): SubscriptionChanges {
  if (!params.has("trial_end")) return {};
  const now = unixNow();
  if (params.string("trial_end") === "now") {
    if (subscription.status !== "trialing") return { trial_end: now };
    const price = firstItem(subscription).price;
    return { trial_end: now, status: "active", current_period_start: now, current_period_end: periodEnd(now, price), invoice: "paid" };
  }
  const trialEnd = params.int("trial_end") ?? now;
  if (trialEnd <= now) throw invalidRequest("Invalid timestamp: must be in the future, or 'now'.", "trial_end");
  return { trial_end: trialEnd, status: "trialing", current_period_end: trialEnd };
}

function cancellationDetails(params: Params): SubscriptionChanges["cancellation_details"] {
  const details = params.object("cancellation_details")?.only("comment", "feedback");
  if (!details) return undefined;
  const feedback = details.oneOf("feedback", ["customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused", ""]);
  return { comment: details.nullableString("comment"), feedback: feedback === "" ? null : feedback };
}

export const subscriptionRoutes = [
  route("GET", "/v1/subscriptions", listSubscriptions),
  route("GET", "/v1/subscriptions/:id", retrieveSubscription),
  route("POST", "/v1/subscriptions/:id", updateSubscription),
  route("DELETE", "/v1/subscriptions/:id", cancelSubscription),
];
