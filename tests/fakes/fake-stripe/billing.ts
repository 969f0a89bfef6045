import { invalidRequest } from "./errors";
import type { CheckoutPlan, FakeStripeInvoice, FakeStripePrice, FakeStripeSubscription, SubscriptionStatus } from "./objects";
import { mergeMetadata, type Metadata } from "./params";
import { newId, unixNow, type Store } from "./store";

// What happens to subscriptions: start one from a completed checkout, bill a period, and
// apply a change (API update, portal button, test control) while recording what it changed
// for the event's `previous_attributes`.

export type Emit = (type: string, object: unknown, previousAttributes?: Record<string, unknown>) => void;

/** A change to a subscription, from the API, the portal or a test (advanceSubscription). */
export type SubscriptionChanges = {
  status?: SubscriptionStatus;
  current_period_start?: number;
  current_period_end?: number;
  trial_end?: number | null;
  cancel_at_period_end?: boolean;
  cancel_at?: number | null;
  canceled_at?: number | null;
  /** Switches the (only) item to this price id from the catalog. */
  price?: string;
  quantity?: number;
  /** Merged as Stripe merges metadata ("" removes a key). */
  metadata?: Metadata;
  cancellation_details?: { comment?: string | null; feedback?: string | null };
  /**
   * Moves to the next billing period: ends a trial, bills the new period (invoice.paid unless
   * `invoice` says otherwise), or ends the subscription when it was set to cancel at the period end.
   */
  renew?: boolean;
  /** Bills the current period: a paid invoice (invoice.paid) or a failed one (invoice.payment_failed). */
  invoice?: "paid" | "payment_failed";
};

export function periodEnd(start: number, price: FakeStripePrice): number {
  const date = new Date(start * 1000);
  const day = date.getUTCDate();
  const n = price.recurring.interval_count;
  switch (price.recurring.interval) {
    case "day":
      date.setUTCDate(day + n);
      break;
    case "week":
      date.setUTCDate(day + 7 * n);
      break;
    case "month":
      date.setUTCMonth(date.getUTCMonth() + n);
      break;
    case "year":
      date.setUTCFullYear(date.getUTCFullYear() + n);
      break;
  }
  // Jan 31 + 1 month is the last day of February, as Stripe bills it, not March 3.
  if (price.recurring.interval !== "day" && price.recurring.interval !== "week" && date.getUTCDate() !== day) date.setUTCDate(0);
  return Math.floor(date.getTime() / 1000);
}

export function startSubscription(store: Store, customerId: string, plan: CheckoutPlan): FakeStripeSubscription {
  const now = unixNow();
  const trialEnd = trialEndOf(plan, now);
  const trialing = trialEnd !== null && trialEnd > now;
  const end = trialing ? trialEnd : periodEnd(now, plan.price);
  const id = newId("sub_");
  const subscription: FakeStripeSubscription = {
    id,
    object: "subscription",
    customer: customerId,
    status: trialing ? "trialing" : "active",
    items: {
      object: "list",
      data: [
        {
          id: newId("si_", 14),
          object: "subscription_item",
          subscription: id,
          price: structuredClone(plan.price),
          quantity: plan.quantity,
          current_period_start: now,
          current_period_end: end,
          metadata: {},
          created: now,
        },
      ],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    current_period_start: now,
    current_period_end: end,
    billing_cycle_anchor: end,
    start_date: now,
    trial_start: trialing ? now : null,
    trial_end: trialing ? trialEnd : null,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    currency: plan.price.currency,
    description: plan.description,
    latest_invoice: null,
    metadata: { ...plan.metadata },
    created: now,
    livemode: false,
  };
  if (!trialing) subscription.billing_cycle_anchor = now;
  store.subscriptions.set(id, subscription);
  return subscription;
}

/** When a checkout's trial ends if the subscription starts at `now` (null: no trial). */
export function trialEndOf(plan: CheckoutPlan, now: number): number | null {
  if (plan.trialDays !== null) return now + plan.trialDays * 24 * 60 * 60;
  return plan.trialEnd;
}

/** Bills the subscription's current period; the invoice becomes its latest_invoice. */
export function billPeriod(store: Store, subscription: FakeStripeSubscription, outcome: "paid" | "payment_failed", reason: FakeStripeInvoice["billing_reason"]): FakeStripeInvoice {
  const item = firstItem(subscription);
  const amount = item.price.unit_amount * item.quantity;
  const paid = outcome === "paid";
  const now = unixNow();
  const customer = store.customers.get(subscription.customer);
  const id = newId("in_");
  const invoice: FakeStripeInvoice = {
    id,
    object: "invoice",
    customer: subscription.customer,
    customer_email: customer && "email" in customer ? customer.email : null,
    status: paid ? "paid" : "open",
    billing_reason: reason,
    currency: item.price.currency,
    amount_due: amount,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    subtotal: amount,
    total: amount,
    attempted: true,
    attempt_count: 1,
    number: store.nextInvoiceNumber(),
    hosted_invoice_url: `${store.baseUrl}/invoice/${id}`,
    invoice_pdf: null,
    period_start: subscription.current_period_start,
    period_end: subscription.current_period_end,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription: subscription.id, metadata: { ...subscription.metadata } },
    },
    lines: {
      object: "list",
      data: [
        {
          id: newId("il_"),
          object: "line_item",
          amount,
          currency: item.price.currency,
          description: `${item.quantity} × ${item.price.nickname ?? item.price.id}`,
          quantity: item.quantity,
          period: { start: subscription.current_period_start, end: subscription.current_period_end },
          pricing: { type: "price_details", price_details: { price: item.price.id, product: item.price.product } },
        },
      ],
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    status_transitions: { finalized_at: now, paid_at: paid ? now : null },
    metadata: {},
    created: now,
    livemode: false,
  };
  store.invoices.set(id, invoice);
  subscription.latest_invoice = id;
  return invoice;
}

/**
 * Applies `changes` and emits what Stripe would: customer.subscription.updated (with
 * previous_attributes) or .deleted when it ended, then invoice.paid / invoice.payment_failed.
 */
export function changeSubscription(store: Store, emit: Emit, subscription: FakeStripeSubscription, changes: SubscriptionChanges): FakeStripeSubscription {
  const before = structuredClone(subscription);
  const wasCanceled = subscription.status === "canceled";
  if (wasCanceled && Object.entries(changes).some(([key, value]) => value !== undefined && key !== "metadata" && key !== "cancellation_details")) {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
  const newPrice = changes.price === undefined ? undefined : store.price(changes.price, "price");
  const now = unixNow();
  const item = firstItem(subscription);
  let invoiceOutcome = changes.invoice;

  if (changes.renew) {
    const start = subscription.current_period_end;
    const endsNow = subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.cancel_at <= start);
    if (endsNow) {
      subscription.status = "canceled";
      subscription.ended_at = start;
      subscription.cancellation_details.reason ??= "cancellation_requested";
    } else {
      setPeriod(subscription, start, periodEnd(start, item.price));
      invoiceOutcome ??= "paid";
      subscription.status = invoiceOutcome === "paid" ? "active" : "past_due";
    }
  }
  if (newPrice) {
    item.price = structuredClone(newPrice);
    subscription.currency = newPrice.currency;
  }
  if (changes.quantity !== undefined) item.quantity = changes.quantity;
  if (changes.cancel_at_period_end !== undefined) {
    subscription.cancel_at_period_end = changes.cancel_at_period_end;
    // Since API version 2025-03-31, cancel_at mirrors a cancellation at the period end.
    subscription.cancel_at = changes.cancel_at_period_end ? subscription.current_period_end : null;
    subscription.canceled_at = changes.cancel_at_period_end ? now : null;
    subscription.cancellation_details.reason = changes.cancel_at_period_end ? "cancellation_requested" : null;
  }
  if (changes.cancel_at !== undefined) {
    subscription.cancel_at = changes.cancel_at;
    subscription.cancel_at_period_end = changes.cancel_at !== null && changes.cancel_at === subscription.current_period_end;
    subscription.canceled_at = changes.cancel_at === null ? null : now;
  }
  if (changes.trial_end !== undefined) subscription.trial_end = changes.trial_end;
  if (changes.current_period_start !== undefined || changes.current_period_end !== undefined) {
    setPeriod(subscription, changes.current_period_start ?? subscription.current_period_start, changes.current_period_end ?? subscription.current_period_end);
  }
  if (changes.status !== undefined) subscription.status = changes.status;
  if (subscription.status === "canceled" && !wasCanceled) {
    subscription.canceled_at ??= now;
    subscription.ended_at ??= now;
    subscription.cancel_at_period_end = false;
  }
  if (changes.canceled_at !== undefined) subscription.canceled_at = changes.canceled_at;
  if (changes.cancellation_details) {
    const { comment, feedback } = changes.cancellation_details;
    if (comment !== undefined) subscription.cancellation_details.comment = comment;
    if (feedback !== undefined) subscription.cancellation_details.feedback = feedback;
  }
  subscription.metadata = mergeMetadata(subscription.metadata, changes.metadata);

  const invoice = invoiceOutcome && subscription.status !== "canceled" ? billPeriod(store, subscription, invoiceOutcome, changes.renew ? "subscription_cycle" : "manual") : undefined;
  const previous = previousAttributes(before, subscription);
  if (subscription.status === "canceled" && !wasCanceled) emit("customer.subscription.deleted", subscription);
  else if (Object.keys(previous).length > 0) emit("customer.subscription.updated", subscription, previous);
  if (invoice) emit(invoice.status === "paid" ? "invoice.paid" : "invoice.payment_failed", invoice);
  return subscription;
}

function setPeriod(subscription: FakeStripeSubscription, start: number, end: number): void {
  subscription.current_period_start = start;
  subscription.current_period_end = end;
  for (const item of subscription.items.data) {
    item.current_period_start = start;
    item.current_period_end = end;
  }
}

export function firstItem(subscription: FakeStripeSubscription) {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`fake-stripe: subscription ${subscription.id} has no item`);
  return item;
}

/** The old values of the top-level fields that changed, as in an event's data.previous_attributes. */
function previousAttributes(before: FakeStripeSubscription, after: FakeStripeSubscription): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof FakeStripeSubscription)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key];
  }
  return previous;
}
