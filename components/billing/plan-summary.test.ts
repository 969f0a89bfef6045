import { describe, expect, it } from "vitest";
import type { BillingStatus } from "@/lib/billing/billing-status";
import { getPlan } from "@/lib/billing/plans";
import { summarizePlan } from "./plan-summary";

const now = new Date("2026-11-30T12:00:00Z");
const on = (iso: string) => new Date(`${iso}T12:00:00Z`);
const base = { kind: "subscribed", locked: false, plan: getPlan("100k")!, interval: "monthly", renewsAt: on("2026-12-30"), cancelAt: null, amountCents: 1900, currency: "eur" } as const;
const sub = (over: Partial<Extract<BillingStatus, { kind: "subscribed" }>>): BillingStatus & { kind: "subscribed" } => ({ ...base, status: "active", ...over });

describe("summarizePlan", () => {
  it("shows an active plan with its renewal date and amount", () => {
    expect(summarizePlan(sub({}), now)).toEqual({
      title: "Up to 100k pageviews a month",
      badge: "Active",
      tone: "ok",
      lines: ["Billed monthly: €19 per month.", "Renews on 30 December 2026 for €19."],
    });
  });

  it("says when a canceled subscription ends, and when a Stripe trial turns into the first payment", () => {
    expect(summarizePlan(sub({ cancelAt: on("2026-12-30") }), now)).toMatchObject({ badge: "Canceled", lines: expect.arrayContaining(["Canceled, ends on 30 December 2026. Until then everything stays open."]) });
    expect(summarizePlan(sub({ status: "trialing", interval: "yearly", amountCents: 19000, renewsAt: on("2026-12-10") }), now)).toMatchObject({
      badge: "Trialing",
      lines: ["Billed yearly: €190 per year.", "Trial: 10 days left. The first payment of €190 is on 10 December 2026."],
    });
  });

  it("asks to update the card when a payment failed", () => {
    expect(summarizePlan(sub({ status: "past_due" }), now)).toMatchObject({ badge: "Payment failed", tone: "danger", lines: expect.arrayContaining([expect.stringMatching(/update it under Manage billing/)]) });
  });

  it("covers the free trial, the grace period and the lock", () => {
    expect(summarizePlan({ kind: "trial", locked: false, daysLeft: 12, trialEndsAt: on("2026-12-12") }, now).lines[0]).toBe(
      "12 days left: your trial ends on 12 December 2026. Choose a plan to keep your dashboards open after that.",
    );
    expect(summarizePlan({ kind: "grace", locked: false, reason: "trial-ended", endedAt: on("2026-11-28"), locksAt: on("2026-12-05") }, now)).toMatchObject({
      title: "Your free trial has ended",
      badge: "Grace period",
      lines: [expect.stringMatching(/lock on 5 December 2026/)],
    });
    expect(summarizePlan({ kind: "locked", locked: true, reason: "subscription-ended", endedAt: on("2026-11-01"), lockedAt: on("2026-11-08") }, now)).toMatchObject({ badge: "Locked", tone: "danger" });
  });
});
