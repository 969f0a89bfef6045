import { randomBytes } from "node:crypto";
import { noSuch } from "./errors";
import type {
  CheckoutPlan,
  DeletedCustomer,
  FakeStripeCheckoutSession,
  FakeStripeCustomer,
  FakeStripeInvoice,
  FakeStripePortalSession,
  FakeStripePrice,
  FakeStripeSubscription,
  Interval,
} from "./objects";

// The fake's memory: every object by id, in creation order. Lists answer newest first, as Stripe does.

export type FakeStripePriceInput = {
  id: string;
  /** In the currency's smallest unit (cents). */
  unitAmount: number;
  currency?: string;
  interval?: Interval;
  intervalCount?: number;
  nickname?: string;
  product?: string;
  lookupKey?: string;
};

/** The price catalog a fake starts with unless `prices` is given. */
export const DEFAULT_FAKE_PRICES: FakeStripePriceInput[] = [
  { id: "price_fake_starter_monthly", unitAmount: 900, interval: "month", nickname: "Starter (monthly)", product: "prod_fake_starter", lookupKey: "starter_monthly" },
  { id: "price_fake_starter_yearly", unitAmount: 9_000, interval: "year", nickname: "Starter (yearly)", product: "prod_fake_starter", lookupKey: "starter_yearly" },
  { id: "price_fake_pro_monthly", unitAmount: 1_900, interval: "month", nickname: "Pro (monthly)", product: "prod_fake_pro", lookupKey: "pro_monthly" },
  { id: "price_fake_pro_yearly", unitAmount: 19_000, interval: "year", nickname: "Pro (yearly)", product: "prod_fake_pro", lookupKey: "pro_yearly" },
];

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: `cus_` + 24 random alphanumerics. */
export function newId(prefix: string, length = 24): string {
  let id = prefix;
  for (const byte of randomBytes(length)) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** Stripe's timestamps are unix seconds. */
export const unixNow = () => Math.floor(Date.now() / 1000);

export class Store {
  /** Set once the server listens; the hosted pages' URLs start with it. */
  baseUrl = "";
  readonly prices = new Map<string, FakeStripePrice>();
  readonly customers = new Map<string, FakeStripeCustomer | DeletedCustomer>();
  readonly checkoutSessions = new Map<string, { session: FakeStripeCheckoutSession; plan: CheckoutPlan }>();
  readonly portalSessions = new Map<string, FakeStripePortalSession>();
  readonly subscriptions = new Map<string, FakeStripeSubscription>();
  readonly invoices = new Map<string, FakeStripeInvoice>();
  private invoiceCount = 0;
  private readonly invoicePrefix = randomBytes(4).toString("hex").toUpperCase();

  constructor(prices: FakeStripePriceInput[]) {
    const created = unixNow();
    for (const p of prices) {
      this.prices.set(p.id, {
        id: p.id,
        object: "price",
        active: true,
        currency: (p.currency ?? "eur").toLowerCase(),
        unit_amount: p.unitAmount,
        nickname: p.nickname ?? null,
        product: p.product ?? `prod_fake_${p.id}`,
        lookup_key: p.lookupKey ?? null,
        recurring: { interval: p.interval ?? "month", interval_count: p.intervalCount ?? 1, usage_type: "licensed" },
        type: "recurring",
        metadata: {},
        livemode: false,
        created,
      });
    }
  }

  /** Forgets everything but the price catalog. */
  reset(): void {
    this.customers.clear();
    this.checkoutSessions.clear();
    this.portalSessions.clear();
    this.subscriptions.clear();
    this.invoices.clear();
    this.invoiceCount = 0;
  }

  nextInvoiceNumber(): string {
    this.invoiceCount += 1;
    return `${this.invoicePrefix}-${String(this.invoiceCount).padStart(4, "0")}`;
  }

  addCustomer(fields: Partial<Pick<FakeStripeCustomer, "email" | "name">> = {}): FakeStripeCustomer {
    const customer: FakeStripeCustomer = {
      id: newId("cus_", 14),
      object: "customer",
      email: fields.email ?? null,
      name: fields.name ?? null,
      description: null,
      phone: null,
      metadata: {},
      created: unixNow(),
      livemode: false,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** A live (not deleted) customer, or Stripe's resource_missing error for `param`. */
  customer(id: string, param = "id"): FakeStripeCustomer {
    const customer = this.customers.get(id);
    if (!customer || isDeleted(customer)) throw noSuch("customer", id, param);
    return customer;
  }

  price(id: string, param = "id"): FakeStripePrice {
    return this.prices.get(id) ?? throwError(noSuch("price", id, param));
  }

  subscription(id: string, param = "id"): FakeStripeSubscription {
    return this.subscriptions.get(id) ?? throwError(noSuch("subscription", id, param));
  }

  invoice(id: string, param = "id"): FakeStripeInvoice {
    return this.invoices.get(id) ?? throwError(noSuch("invoice", id, param));
  }

  checkoutSession(id: string): { session: FakeStripeCheckoutSession; plan: CheckoutPlan } {
    return this.checkoutSessions.get(id) ?? throwError(noSuch("checkout.session", id));
  }

  /** The object behind an id, for `expand` (a copy: expansion must not change the store). */
  lookup(id: string): unknown {
    const found =
      this.customers.get(id) ??
      this.subscriptions.get(id) ??
      this.invoices.get(id) ??
      this.checkoutSessions.get(id)?.session ??
      this.prices.get(id) ??
      this.portalSessions.get(id);
    return found === undefined ? undefined : structuredClone(found);
  }

  subscriptionsOf(customerId: string): FakeStripeSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.customer === customerId);
  }
}

export function isDeleted(customer: FakeStripeCustomer | DeletedCustomer): customer is DeletedCustomer {
  return "deleted" in customer;
}

function throwError(error: Error): never {
  throw error;
}
