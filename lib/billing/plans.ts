// Subscription plans, by monthly pageviews. The client only ever sends a plan key;
// the server maps it to a Stripe price id (never accept a price id from a form).

export const TRIAL_DAYS = 30;

/** Yearly billing costs ten months: two months free. */
export const YEARLY_MONTHS_CHARGED = 10;

export const PLAN_KEYS = ["10k", "100k", "200k", "500k", "1m", "2m", "5m", "10m"] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export type Plan = {
  readonly key: PlanKey;
  readonly pageviewsPerMonth: number;
  readonly monthlyEur: number;
  readonly yearlyEur: number;
};

function plan(key: PlanKey, pageviewsPerMonth: number, monthlyEur: number): Plan {
  return { key, pageviewsPerMonth, monthlyEur, yearlyEur: monthlyEur * YEARLY_MONTHS_CHARGED };
}

/** Ascending by pageview limit. */
export const PLANS: readonly Plan[] = [
  plan("10k", 10_000, 9),
  plan("100k", 100_000, 19),
  plan("200k", 200_000, 29),
  plan("500k", 500_000, 49),
  plan("1m", 1_000_000, 69),
  plan("2m", 2_000_000, 99),
  plan("5m", 5_000_000, 149),
  plan("10m", 10_000_000, 199),
];

export function isPlanKey(key: string): key is PlanKey {
  return (PLAN_KEYS as readonly string[]).includes(key);
}

export function getPlan(key: string): Plan | undefined {
  return PLANS.find((p) => p.key === key);
}

/** 10_000 → "10k", 1_000_000 → "1M", 2_500_000 → "2.5M", 950 → "950". */
export function formatPageviews(n: number): string {
  const compact = (value: number, suffix: string) => `${Number(value.toFixed(1)).toString()}${suffix}`;
  if (n >= 1_000_000) return compact(n / 1_000_000, "M");
  if (n >= 1_000) return compact(n / 1_000, "k");
  return String(n);
}

/** Whole euros, e.g. "€19" or "€1,990". */
export function formatEur(amount: number): string {
  return `€${amount.toLocaleString("en-US")}`;
}
