import type { BillingStatus } from "@/lib/billing/billing-status";
import { formatAmount, formatBillingDate } from "@/lib/billing/format";
import { formatPageviews } from "@/lib/billing/plans";

// What the billing page says about the account's plan: trial, subscribed (trialing, active,
// payment failed, canceled but running to the period's end), grace or locked.

const DAY_MS = 86_400_000;

export type PlanSummary = { title: string; badge: string; tone: "ok" | "info" | "warning" | "danger"; lines: string[] };

export function summarizePlan(status: Exclude<BillingStatus, { kind: "unconfigured" }>, now: Date): PlanSummary {
  switch (status.kind) {
    case "trial":
      return {
        title: "Free trial",
        badge: "Trial",
        tone: "info",
        lines: [`${status.daysLeft} ${status.daysLeft === 1 ? "day" : "days"} left: your trial ends on ${formatBillingDate(status.trialEndsAt)}. Choose a plan to keep your dashboards open after that.`],
      };
    case "grace":
      return {
        title: status.reason === "trial-ended" ? "Your free trial has ended" : "Your subscription has ended",
        badge: "Grace period",
        tone: "warning",
        lines: [`Ended on ${formatBillingDate(status.endedAt)}. Your dashboards stay open until they lock on ${formatBillingDate(status.locksAt)}; your sites keep recording.`],
      };
    case "locked":
      return {
        title: "No plan",
        badge: "Locked",
        tone: "danger",
        lines: [`Locked since ${formatBillingDate(status.lockedAt)}: dashboards, share links and the Stats API show an upgrade prompt. Your sites are still recorded — choose a plan and everything is back at once.`],
      };
    case "subscribed": {
      const per = status.interval === "yearly" ? "year" : "month";
      const amount = status.amountCents !== null && status.currency ? formatAmount(status.amountCents, status.currency) : null;
      const price = amount ? `${amount} per ${per}` : null;
      const title = status.plan ? `Up to ${formatPageviews(status.plan.pageviewsPerMonth)} pageviews a month` : "Subscription";
      const billed = status.interval ? `Billed ${status.interval}${price ? `: ${price}` : ""}.` : price ? `${price}.` : "";
      const lines = billed ? [billed] : [];
      if (status.cancelAt) {
        lines.push(`Canceled, ends on ${formatBillingDate(status.cancelAt)}. Until then everything stays open.`);
        return { title, badge: "Canceled", tone: "warning", lines };
      }
      if (status.status === "trialing") {
        const days = status.renewsAt ? Math.max(0, Math.ceil((status.renewsAt.getTime() - now.getTime()) / DAY_MS)) : null;
        if (status.renewsAt) lines.push(`Trial: ${days} ${days === 1 ? "day" : "days"} left. The first payment${amount ? ` of ${amount}` : ""} is on ${formatBillingDate(status.renewsAt)}.`);
        return { title, badge: "Trialing", tone: "info", lines };
      }
      if (status.status === "past_due") {
        lines.push("Your last payment failed. Stripe tries the card again over the next days — update it under Manage billing to keep your subscription.");
        return { title, badge: "Payment failed", tone: "danger", lines };
      }
      if (status.renewsAt) lines.push(`Renews on ${formatBillingDate(status.renewsAt)}${amount ? ` for ${amount}` : ""}.`);
      return { title, badge: "Active", tone: "ok", lines };
    }
  }
}
