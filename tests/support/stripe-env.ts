import { BILLING_INTERVALS, stripePriceVariable } from "@/lib/config/env";
import { PLAN_KEYS } from "@/lib/billing/plans";

// A complete Stripe configuration for a test file: keys, one price id per plan and interval,
// and the API URL (a local fake, or a closed port when the test must not reach Stripe at all).
// Call before the first getEnv() of the file.

export const TEST_STRIPE_SECRET_KEY = "sk_test_ministat_integration";
export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_ministat_integration";

export function testPriceId(plan: string, interval: string): string {
  return `price_${plan}_${interval}`;
}

export function setStripeEnv(apiUrl: string): void {
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_API_URL = apiUrl;
  for (const plan of PLAN_KEYS) for (const interval of BILLING_INTERVALS) process.env[stripePriceVariable(plan, interval)] = testPriceId(plan, interval);
}
