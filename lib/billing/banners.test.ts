import { describe, expect, it } from "vitest";
import { billingBanners } from "./banners";
import type { BillingStatus } from "./billing-status";
import { getPlan, type Plan } from "./plans";

const on = (iso: string) => new Date(`${iso}T00:00:00Z`);
const plan = (key: string) => getPlan(key) as Plan;
const subscribed = (status: "active" | "past_due" | "trialing", key = "100k"): BillingStatus => ({
  kind: "subscribed",
  locked: false,
  status,
  plan: plan(key),
  interval: "monthly",
  renewsAt: on("2026-12-30"),
  cancelAt: null,
  amountCents: 1900,
  currency: "eur",
});

describe("billingBanners", () => {
  it("shows nothing without Stripe keys", () => {
    expect(billingBanners({ kind: "unconfigured", locked: false }, 5_000_000)).toEqual([]);
  });

  it("counts down the trial only in its last 7 days", () => {
    expect(billingBanners({ kind: "trial", locked: false, daysLeft: 8, trialEndsAt: on("2026-12-08") }, null)).toEqual([]);
    expect(billingBanners({ kind: "trial", locked: false, daysLeft: 7, trialEndsAt: on("2026-12-07") }, null)).toEqual([
      { kind: "trial", tone: "info", message: "Your free trial ends in 7 days, on 7 December 2026.", action: "Choose a plan" },
    ]);
    expect(billingBanners({ kind: "trial", locked: false, daysLeft: 1, trialEndsAt: on("2026-12-01") }, null)[0]?.message).toBe("Your free trial ends in 1 day, on 1 December 2026.");
  });

  it("says when a grace period locks, and that a locked account still records", () => {
    const grace = billingBanners({ kind: "grace", locked: false, reason: "subscription-ended", endedAt: on("2026-11-28"), locksAt: on("2026-12-05") }, null);
    expect(grace).toMatchObject([{ kind: "grace", tone: "warning", message: "Your subscription has ended: your dashboards lock on 5 December 2026. Your sites keep recording." }]);
    const locked = billingBanners({ kind: "locked", locked: true, reason: "trial-ended", endedAt: on("2026-11-01"), lockedAt: on("2026-11-08") }, null);
    expect(locked).toMatchObject([{ kind: "locked", tone: "danger", message: expect.stringMatching(/keep recording/) }]);
  });

  it("asks for a new card when a payment failed", () => {
    expect(billingBanners(subscribed("past_due"), 1_000)).toEqual([
      { kind: "past_due", tone: "danger", message: "Your last payment failed — update your card to keep your subscription.", action: "Update card" },
    ]);
    expect(billingBanners(subscribed("active"), 1_000)).toEqual([]);
  });

  it("warns from 80 % of the plan's pageviews, with the plan that fits", () => {
    expect(billingBanners(subscribed("active"), 79_999)).toEqual([]);
    expect(billingBanners(subscribed("active"), 85_000)).toMatchObject([
      { kind: "usage", tone: "warning", message: "You have used 85 % of your 100k plan: 85,000 pageviews this month. The 200k plan fits." },
    ]);
    expect(billingBanners(subscribed("active"), 340_000)).toMatchObject([
      { kind: "usage", tone: "danger", message: "You have gone over the limit of your 100k plan: 340,000 pageviews this month. Nothing is dropped. The 500k plan fits." },
    ]);
    expect(billingBanners(subscribed("active", "10m"), 12_000_000)[0]?.message).toMatch(/Above 10M pageviews a month, contact us/);
  });
});
