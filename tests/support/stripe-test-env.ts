import { BILLING_INTERVALS, stripePriceVariable } from "@/lib/config/env";
import { PLANS } from "@/lib/billing/plans";
import type { FakeStripePriceInput } from "@/tests/fakes/fake-stripe";

// The Stripe side of a test environment: the keys, one price per plan and interval (the same
// ids in our environment and in the fake's catalog), and the API URL of a local fake.

export const TEST_STRIPE_SECRET_KEY = "sk_test_ministat_fake";
export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_ministat_fake";

export function testPriceId(plan: string, interval: string): string {
  return `price_test_${plan}_${interval}`;
}

/** Every plan at its list price, monthly and yearly, for startFakeStripe({ prices }). */
export function fakeStripePrices(): FakeStripePriceInput[] {
  return PLANS.flatMap((plan) =>
    BILLING_INTERVALS.map((interval) => ({
      id: testPriceId(plan.key, interval),
      unitAmount: (interval === "monthly" ? plan.monthlyEur : plan.yearlyEur) * 100,
      interval: interval === "monthly" ? ("month" as const) : ("year" as const),
      nickname: `MiniStat ${plan.key} (${interval})`,
      product: `prod_test_${plan.key}`,
      lookupKey: `${plan.key}_${interval}`,
    })),
  );
}

/** The environment variables that turn billing on against the fake at `apiUrl`. */
export function stripeTestEnv(apiUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    STRIPE_SECRET_KEY: TEST_STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET,
    STRIPE_API_URL: apiUrl,
    STRIPE_AUTOMATIC_TAX: "true",
  };
  for (const plan of PLANS) for (const interval of BILLING_INTERVALS) env[stripePriceVariable(plan.key, interval)] = testPriceId(plan.key, interval);
  return env;
}

/** Sets the Stripe variables for this test file; call before its first getEnv(). */
export function setStripeEnv(apiUrl: string): void {
  Object.assign(process.env, stripeTestEnv(apiUrl));
}
