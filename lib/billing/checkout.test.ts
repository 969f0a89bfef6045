import { describe, expect, it } from "vitest";
import { buildCheckoutSessionParams, remainingTrialEnd } from "./checkout";
import { checkoutSessionBelongsTo, checkoutSessionIdSchema } from "./confirm-checkout";

const HOUR = 3_600_000;
const now = new Date("2026-11-30T12:00:00Z");

describe("remainingTrialEnd", () => {
  it("carries the trial's end over as unix seconds when at least 48 hours are left", () => {
    const end = new Date(now.getTime() + 48 * HOUR);
    expect(remainingTrialEnd(end, now)).toBe(end.getTime() / 1000);
    expect(remainingTrialEnd(new Date(now.getTime() + 20 * 24 * HOUR + 500), now)).toBe(Math.floor((now.getTime() + 20 * 24 * HOUR) / 1000));
  });

  it("drops a trial with less than 48 hours left, or already over (Stripe refuses those)", () => {
    expect(remainingTrialEnd(new Date(now.getTime() + 48 * HOUR - 1), now)).toBeUndefined();
    expect(remainingTrialEnd(new Date(now.getTime() - HOUR), now)).toBeUndefined();
  });
});

describe("buildCheckoutSessionParams", () => {
  const input = { userId: "user_a", customerId: "cus_A", priceId: "price_100k_monthly", appUrl: "https://ministat.eu", automaticTax: true };

  it("asks for a subscription on the account's customer, tied to the account, with absolute URLs from the app URL", () => {
    expect(buildCheckoutSessionParams({ ...input, trialEnd: 1_800_000_000 })).toEqual({
      mode: "subscription",
      customer: "cus_A",
      client_reference_id: "user_a",
      metadata: { account_id: "user_a" },
      subscription_data: { metadata: { account_id: "user_a" }, trial_end: 1_800_000_000 },
      line_items: [{ price: "price_100k_monthly", quantity: 1 }],
      success_url: "https://ministat.eu/settings/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://ministat.eu/settings/billing?checkout=canceled",
      billing_address_collection: "required",
      tax_id_collection: { enabled: true },
      automatic_tax: { enabled: true },
      customer_update: { address: "auto", name: "auto" },
    });
  });

  it("sends no trial_end when no trial is left, and follows the tax switch", () => {
    const params = buildCheckoutSessionParams({ ...input, trialEnd: undefined, automaticTax: false });
    expect(params.subscription_data).toEqual({ metadata: { account_id: "user_a" } });
    expect(params.automatic_tax).toEqual({ enabled: false });
  });

  it("never carries an e-mail address or name to Stripe", () => {
    const params = buildCheckoutSessionParams({ ...input, trialEnd: undefined });
    expect(params).not.toHaveProperty("customer_email");
    expect(JSON.stringify(params)).not.toMatch(/@/);
  });
});

describe("checkoutSessionBelongsTo", () => {
  it("accepts a session only when both the account and the stored customer match", () => {
    expect(checkoutSessionBelongsTo({ client_reference_id: "user_a", customer: "cus_A" }, "user_a", "cus_A")).toBe(true);
    expect(checkoutSessionBelongsTo({ client_reference_id: "user_a", customer: "cus_A" }, "user_b", "cus_A")).toBe(false);
    expect(checkoutSessionBelongsTo({ client_reference_id: "user_a", customer: "cus_B" }, "user_a", "cus_A")).toBe(false);
    expect(checkoutSessionBelongsTo({ client_reference_id: null, customer: "cus_A" }, "user_a", "cus_A")).toBe(false);
    expect(checkoutSessionBelongsTo({ client_reference_id: "user_a", customer: null }, "user_a", null)).toBe(false);
  });

  it("takes only Checkout Session ids from the URL", () => {
    expect(checkoutSessionIdSchema.safeParse("cs_test_a1B2c3").success).toBe(true);
    expect(checkoutSessionIdSchema.safeParse("cus_123").success).toBe(false);
    expect(checkoutSessionIdSchema.safeParse("cs_../../v1/customers").success).toBe(false);
  });
});
