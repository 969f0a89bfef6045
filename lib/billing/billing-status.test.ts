import { describe, expect, it } from "vitest";
import { billingStatus, GRACE_DAYS, type StoredBilling } from "./billing-status";
import { TRIAL_DAYS } from "./plans";

const DAY = 86_400_000;
const created = new Date("2026-10-01T12:00:00Z");
const at = (days: number) => new Date(created.getTime() + days * DAY);
const none: StoredBilling = { status: null, planKey: null, interval: null, amountCents: null, currency: null, currentPeriodEnd: null, trialEnd: null, cancelAt: null, endedAt: null };

describe("billingStatus", () => {
  it("never locks when Stripe is not configured", () => {
    expect(billingStatus({ configured: false, accountCreatedAt: created, billing: null, now: at(400) })).toEqual({ kind: "unconfigured", locked: false });
  });

  it("counts the trial from registration, then grace, then locked", () => {
    const trial = billingStatus({ configured: true, accountCreatedAt: created, billing: null, now: at(27.5) });
    expect(trial).toMatchObject({ kind: "trial", locked: false, daysLeft: 3, trialEndsAt: at(TRIAL_DAYS) });
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: null, now: at(TRIAL_DAYS + 1) })).toMatchObject({
      kind: "grace",
      reason: "trial-ended",
      locksAt: at(TRIAL_DAYS + GRACE_DAYS),
    });
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: null, now: at(TRIAL_DAYS + GRACE_DAYS) })).toMatchObject({ kind: "locked", locked: true });
  });

  it("keeps a subscribed account open, past_due included, and says when a canceled one ends", () => {
    const active = { ...none, status: "active", planKey: "100k", interval: "monthly", currentPeriodEnd: at(60), amountCents: 1900, currency: "eur" };
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: active, now: at(45) })).toMatchObject({ kind: "subscribed", status: "active", renewsAt: at(60), cancelAt: null });
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: { ...active, status: "past_due" }, now: at(45) }).locked).toBe(false);
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: { ...active, cancelAt: at(60) }, now: at(45) })).toMatchObject({ cancelAt: at(60) });
  });

  it("locks GRACE_DAYS after a subscription ended, not before", () => {
    const ended = { ...none, status: "canceled", endedAt: at(90) };
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: ended, now: at(91) })).toMatchObject({ kind: "grace", reason: "subscription-ended", locksAt: at(90 + GRACE_DAYS) });
    expect(billingStatus({ configured: true, accountCreatedAt: created, billing: ended, now: at(90 + GRACE_DAYS + 0.01) })).toMatchObject({ kind: "locked", reason: "subscription-ended" });
  });
});
