import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

// The privacy policy: "payments are handled by Stripe; card data never reaches MiniStat".
// Checkout and the Customer Portal collect cards on Stripe's pages, so no table has a place
// to keep a card number, CVC, expiry or any other payment-method detail — checked over the
// migrated database's catalog, so that a column added later fails here.

const PAYMENT_DETAIL = /card|cvc|cvv|\bpan\b|iban|bic|expiry|exp_(month|year)|payment_method|last4|fingerprint|bank|account_number|routing/i;

describe("no payment-method data in the schema", () => {
  it("has no column for card numbers, CVCs, expiries or payment methods", async () => {
    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
    expect(columns.length).toBeGreaterThan(50);
    expect(columns.map((c) => c.table_name)).toContain("billing_accounts");
    const offending = columns.filter((c) => PAYMENT_DETAIL.test(c.column_name)).map((c) => `${c.table_name}.${c.column_name}`);
    expect(offending).toEqual([]);
  });

  it("keeps only Stripe's ids and the subscription's state for billing", async () => {
    const columns = await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'billing_accounts' ORDER BY ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual([
      "user_id", "stripe_customer_id", "stripe_subscription_id", "status", "plan_key", "interval", "amount_cents", "currency",
      "current_period_end", "trial_end", "cancel_at", "ended_at", "stripe_state_at", "created_at", "updated_at",
    ]);
  });
});
