import { stripeTestEnv } from "./stripe-test-env";

// Stripe configured for a test file (keys, every plan's price ids, the API URL: a local fake,
// or a closed port when the test must not reach Stripe at all). Call before the file's
// first getEnv().

export { testPriceId, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET } from "./stripe-test-env";

export function setStripeEnv(apiUrl: string): void {
  Object.assign(process.env, stripeTestEnv(apiUrl));
}
