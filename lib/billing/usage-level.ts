import { PLANS, type Plan } from "./plans";

// The pure half of usage (no database): safe to import from client components too.
// lib/billing/usage.ts re-exports all of it next to monthUsage.

export type UsageLevel = 0 | 80 | 100;

/** Room above this month's pageviews that a plan should leave: traffic grows, and a month is not over. */
export const PLAN_HEADROOM = 1.2;

/** [first instant of the UTC month of `now`, first instant of the next month), and its "YYYY-MM". */
export function utcMonth(now: Date): { month: string; start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { month: start.toISOString().slice(0, 7), start, end };
}

/**
 * The plan to suggest for `pageviews` a month: the smallest whose limit is at least
 * pageviews × PLAN_HEADROOM (20 % room to grow). When even the largest plan leaves less room
 * than that but still holds the pageviews, the largest plan; above the largest plan's limit
 * (10M), null: "contact us".
 */
export function planThatFits(pageviews: number): Plan | null {
  const wanted = Math.max(0, pageviews) * PLAN_HEADROOM;
  const roomy = PLANS.find((plan) => plan.pageviewsPerMonth >= wanted);
  if (roomy) return roomy;
  const largest = PLANS[PLANS.length - 1]!;
  return pageviews <= largest.pageviewsPerMonth ? largest : null;
}

/** 100 from the limit on, 80 from 80 % of it, else 0. A limit of 0 or less means none: 0. */
export function usageLevel(total: number, limit: number): UsageLevel {
  if (!(limit > 0)) return 0;
  if (total >= limit) return 100;
  // Integers compared without a float product: total / limit >= 0.8.
  if (total * 5 >= limit * 4) return 80;
  return 0;
}
