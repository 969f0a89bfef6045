import { BILLING_INTERVALS, getEnv, type BillingInterval } from "@/lib/config/env";
import { PLAN_KEYS, type PlanKey } from "./plans";

// Plan key + interval ↔ Stripe price id (STRIPE_PRICE_<PLAN>_<INTERVAL>). Forms send plan
// keys; only the server turns them into price ids.

export function priceIdFor(plan: PlanKey, interval: BillingInterval): string {
  const id = getEnv().STRIPE_PRICES[plan][interval];
  if (!id) throw new Error(`no Stripe price id for plan ${plan} (${interval})`);
  return id;
}

export function planOfPrice(priceId: string): { plan: PlanKey; interval: BillingInterval } | null {
  const prices = getEnv().STRIPE_PRICES;
  for (const plan of PLAN_KEYS) for (const interval of BILLING_INTERVALS) if (prices[plan][interval] === priceId) return { plan, interval };
  return null;
}
