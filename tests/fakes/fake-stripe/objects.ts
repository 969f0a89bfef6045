import type { Metadata } from "./params";

// The Stripe objects the fake keeps, in their wire shape (API version 2025+), cut down to the
// fields a billing integration reads. Everything is answered as stored, with `expand` applied.

export type Interval = "day" | "week" | "month" | "year";

export type StripeList<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

export type FakeStripePrice = {
  id: string;
  object: "price";
  active: boolean;
  currency: string;
  unit_amount: number;
  nickname: string | null;
  product: string;
  lookup_key: string | null;
  recurring: { interval: Interval; interval_count: number; usage_type: "licensed" };
  type: "recurring";
  metadata: Metadata;
  livemode: false;
  created: number;
};

export type FakeStripeCustomer = {
  id: string;
  object: "customer";
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Metadata;
  created: number;
  livemode: false;
};

export type DeletedCustomer = { id: string; object: "customer"; deleted: true };

export type FakeStripeCheckoutSession = {
  id: string;
  object: "checkout.session";
  url: string | null;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  mode: "subscription";
  customer: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  client_reference_id: string | null;
  subscription: string | null;
  invoice: string | null;
  success_url: string;
  cancel_url: string | null;
  metadata: Metadata;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  created: number;
  expires_at: number;
  livemode: false;
};

/** What the checkout page turns into a subscription; not part of the wire object. */
export type CheckoutPlan = {
  price: FakeStripePrice;
  quantity: number;
  /** subscription_data[trial_end] or [trial_period_days] (counted from the payment, as Stripe does). */
  trialEnd: number | null;
  trialDays: number | null;
  metadata: Metadata;
  description: string | null;
};

export type FakeStripePortalSession = {
  id: string;
  object: "billing_portal.session";
  customer: string;
  return_url: string | null;
  url: string;
  configuration: string;
  flow: null;
  locale: string | null;
  on_behalf_of: null;
  created: number;
  livemode: false;
};

export const SUBSCRIPTION_STATUSES = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export type FakeStripeSubscriptionItem = {
  id: string;
  object: "subscription_item";
  subscription: string;
  price: FakeStripePrice;
  quantity: number;
  // Since API version 2025-03-31 the billing period lives on the item; the fake also keeps
  // the older copies on the subscription, in step.
  current_period_start: number;
  current_period_end: number;
  metadata: Metadata;
  created: number;
};

export type FakeStripeSubscription = {
  id: string;
  object: "subscription";
  customer: string;
  status: SubscriptionStatus;
  items: StripeList<FakeStripeSubscriptionItem> & { total_count: number };
  current_period_start: number;
  current_period_end: number;
  billing_cycle_anchor: number;
  start_date: number;
  trial_start: number | null;
  trial_end: number | null;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  collection_method: "charge_automatically";
  currency: string;
  description: string | null;
  latest_invoice: string | null;
  metadata: Metadata;
  created: number;
  livemode: false;
};

export type FakeStripeInvoiceLine = {
  id: string;
  object: "line_item";
  amount: number;
  currency: string;
  description: string;
  quantity: number;
  period: { start: number; end: number };
  pricing: { type: "price_details"; price_details: { price: string; product: string } };
};

export type FakeStripeInvoice = {
  id: string;
  object: "invoice";
  customer: string;
  customer_email: string | null;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  billing_reason: "subscription_create" | "subscription_cycle" | "subscription_update" | "manual";
  currency: string;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  subtotal: number;
  total: number;
  attempted: boolean;
  attempt_count: number;
  number: string;
  hosted_invoice_url: string;
  invoice_pdf: null;
  period_start: number;
  period_end: number;
  parent: {
    type: "subscription_details";
    quote_details: null;
    subscription_details: { subscription: string; metadata: Metadata };
  };
  lines: StripeList<FakeStripeInvoiceLine>;
  status_transitions: { finalized_at: number | null; paid_at: number | null };
  metadata: Metadata;
  created: number;
  livemode: false;
};

export type FakeStripeEvent = {
  id: string;
  object: "event";
  type: string;
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
};
