import { describe, expect, it } from "vitest";
import { PLANS } from "./plans";
import { planThatFits, usageLevel, utcMonth } from "./usage-level";

describe("usageLevel", () => {
  it("is 0 below 80 % of the limit, 80 from 80 %, 100 from the limit on", () => {
    expect(usageLevel(0, 10_000)).toBe(0);
    expect(usageLevel(7_999, 10_000)).toBe(0);
    expect(usageLevel(8_000, 10_000)).toBe(80);
    expect(usageLevel(8_001, 10_000)).toBe(80);
    expect(usageLevel(9_999, 10_000)).toBe(80);
    expect(usageLevel(10_000, 10_000)).toBe(100);
    expect(usageLevel(10_001, 10_000)).toBe(100);
    expect(usageLevel(50_000_000, 10_000_000)).toBe(100);
  });

  it("is exact at 80 % of every plan's limit (no float rounding)", () => {
    for (const plan of PLANS) {
      const eighty = (plan.pageviewsPerMonth / 5) * 4;
      expect(usageLevel(eighty - 1, plan.pageviewsPerMonth)).toBe(0);
      expect(usageLevel(eighty, plan.pageviewsPerMonth)).toBe(80);
    }
  });

  it("treats a missing limit (0, negative, NaN) as no limit", () => {
    expect(usageLevel(1_000_000, 0)).toBe(0);
    expect(usageLevel(1_000_000, -1)).toBe(0);
    expect(usageLevel(1_000_000, Number.NaN)).toBe(0);
  });
});

describe("planThatFits", () => {
  it("suggests the smallest plan with 20 % room above the pageviews", () => {
    expect(planThatFits(0)?.key).toBe("10k");
    expect(planThatFits(8_333)?.key).toBe("10k"); // × 1.2 = 9,999.6
    expect(planThatFits(8_334)?.key).toBe("100k"); // × 1.2 = 10,000.8
    expect(planThatFits(10_001)?.key).toBe("100k");
    expect(planThatFits(100_000)?.key).toBe("200k");
    expect(planThatFits(400_000)?.key).toBe("500k");
    expect(planThatFits(1_600_000)?.key).toBe("2m"); // × 1.2 = 1.92M
    expect(planThatFits(1_700_000)?.key).toBe("5m"); // × 1.2 = 2.04M
    expect(planThatFits(4_000_000)?.key).toBe("5m");
  });

  it("falls back to the largest plan while it still holds the pageviews, then null (contact us) above 10M", () => {
    expect(planThatFits(9_000_000)?.key).toBe("10m");
    expect(planThatFits(10_000_000)?.key).toBe("10m");
    expect(planThatFits(10_000_001)).toBeNull();
  });

  it("always returns a plan whose limit holds the pageviews", () => {
    for (const pageviews of [1, 9_999, 99_999, 250_000, 999_999, 4_999_999, 9_999_999]) {
      expect(planThatFits(pageviews)!.pageviewsPerMonth).toBeGreaterThanOrEqual(pageviews);
    }
  });
});

describe("utcMonth", () => {
  it("spans the UTC calendar month, December into January included", () => {
    expect(utcMonth(new Date("2026-11-30T23:59:59.999Z"))).toEqual({ month: "2026-11", start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") });
    expect(utcMonth(new Date("2026-12-01T00:00:00Z"))).toEqual({ month: "2026-12", start: new Date("2026-12-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
    expect(utcMonth(new Date("2028-02-15T12:00:00+14:00"))).toMatchObject({ month: "2028-02", end: new Date("2028-03-01T00:00:00Z") });
  });
});
