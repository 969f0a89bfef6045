import { listSites } from "@/lib/sites/sites";
import { PLANS, type Plan } from "./plans";

// STUB, replaced by the usage branch (issue 8): the real module counts each site's pageviews
// of the calendar month. This stub keeps the signatures so the billing UI compiles; it
// reports zero pageviews.

export type MonthUsage = { month: string; total: number; sites: { siteId: string; domain: string; pageviews: number }[] };

export async function monthUsage(userId: string, now: Date = new Date()): Promise<MonthUsage> {
  const sites = await listSites(userId);
  return { month: now.toISOString().slice(0, 7), total: 0, sites: sites.map((s) => ({ siteId: s.id, domain: s.domain, pageviews: 0 })) };
}

/** The smallest plan whose limit holds these pageviews; null above the largest ("contact us"). */
export function planThatFits(pageviews: number): Plan | null {
  return PLANS.find((p) => p.pageviewsPerMonth >= pageviews) ?? null;
}

/** 100 at or over the limit, 80 from 80 % of it, else 0. */
export function usageLevel(total: number, limit: number): 0 | 80 | 100 {
  if (total >= limit) return 100;
  if (total >= limit * 0.8) return 80;
  return 0;
}
