import type { BillingStatus } from "./billing-status";
import { formatBillingDate } from "./format";
import { formatPageviews, type Plan } from "./plans";
import { planThatFits, usageLevel } from "./usage";

// The notices at the top of every signed-in page, from the billing status (and, for a
// subscribed account, this month's pageviews). Each links to the billing page. Pure, so the
// wording for every state is tested without a browser.

export const TRIAL_BANNER_DAYS = 7;

export type BillingBanner = { kind: "trial" | "grace" | "locked" | "past_due" | "usage"; tone: "info" | "warning" | "danger"; message: string; action: string };

export function billingBanners(status: BillingStatus, monthPageviews: number | null): BillingBanner[] {
  switch (status.kind) {
    case "unconfigured":
      return [];
    case "trial":
      if (status.daysLeft > TRIAL_BANNER_DAYS) return [];
      return [
        {
          kind: "trial",
          tone: "info",
          message: `Your free trial ends in ${status.daysLeft} ${status.daysLeft === 1 ? "day" : "days"}, on ${formatBillingDate(status.trialEndsAt)}.`,
          action: "Choose a plan",
        },
      ];
    case "grace":
      return [
        {
          kind: "grace",
          tone: "warning",
          message: `${status.reason === "trial-ended" ? "Your free trial has ended" : "Your subscription has ended"}: your dashboards lock on ${formatBillingDate(status.locksAt)}. Your sites keep recording.`,
          action: "Choose a plan",
        },
      ];
    case "locked":
      return [{ kind: "locked", tone: "danger", message: "Your dashboards, share links and Stats API are locked until you choose a plan. Your sites keep recording.", action: "Choose a plan" }];
    case "subscribed": {
      const banners: BillingBanner[] = [];
      if (status.status === "past_due") banners.push({ kind: "past_due", tone: "danger", message: "Your last payment failed — update your card to keep your subscription.", action: "Update card" });
      const usage = status.plan && monthPageviews !== null ? usageBanner(status.plan, monthPageviews) : null;
      if (usage) banners.push(usage);
      return banners;
    }
  }
}

function usageBanner(plan: Plan, pageviews: number): BillingBanner | null {
  const level = usageLevel(pageviews, plan.pageviewsPerMonth);
  if (level === 0) return null;
  const used = `${pageviews.toLocaleString("en-US")} pageviews this month`;
  const limit = `${formatPageviews(plan.pageviewsPerMonth)} plan`;
  const head =
    level === 100
      ? `You have ${pageviews > plan.pageviewsPerMonth ? "gone over" : "reached"} the limit of your ${limit}: ${used}. Nothing is dropped.`
      : `You have used ${Math.floor((pageviews / plan.pageviewsPerMonth) * 100)} % of your ${limit}: ${used}.`;
  const next = upgradeFor(plan, pageviews);
  const tail = next ? ` The ${formatPageviews(next.pageviewsPerMonth)} plan fits.` : " Above 10M pageviews a month, contact us for a plan.";
  return { kind: "usage", tone: level === 100 ? "danger" : "warning", message: `${head}${tail}`, action: "See usage and plans" };
}

/** The plan to move to: the one that fits this month's pageviews, at least one step above the current plan (null: none is big enough). */
export function upgradeFor(plan: Plan, pageviews: number): Plan | null {
  const fits = planThatFits(pageviews);
  if (!fits) return null;
  return fits.pageviewsPerMonth > plan.pageviewsPerMonth ? fits : planThatFits(plan.pageviewsPerMonth + 1);
}
