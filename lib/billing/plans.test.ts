import { describe, it, expect } from "vitest";
import { PLANS, PLAN_KEYS, TRIAL_DAYS, formatEur, formatPageviews, getPlan, isPlanKey } from "./plans";

describe("PLANS", () => {
  it("has unique keys", () => {
    const keys = PLANS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is sorted by strictly ascending pageview limits and prices", () => {
    for (let i = 1; i < PLANS.length; i++) {
      const prev = PLANS[i - 1]!;
      const curr = PLANS[i]!;
      expect(curr.pageviewsPerMonth).toBeGreaterThan(prev.pageviewsPerMonth);
      expect(curr.monthlyEur).toBeGreaterThan(prev.monthlyEur);
    }
  });

  it("charges ten months for a year", () => {
    for (const p of PLANS) expect(p.yearlyEur).toBe(10 * p.monthlyEur);
  });

  it("starts at 10k pageviews for €9 and offers a 30-day trial", () => {
    expect(PLANS[0]).toEqual({ key: "10k", pageviewsPerMonth: 10_000, monthlyEur: 9, yearlyEur: 90 });
    expect(TRIAL_DAYS).toBe(30);
  });
});

describe("getPlan", () => {
  it("finds a plan by key", () => {
    expect(getPlan("100k")?.monthlyEur).toBe(19);
  });

  it("returns undefined for an unknown key", () => {
    expect(getPlan("unlimited")).toBeUndefined();
    expect(getPlan("")).toBeUndefined();
  });
});

describe("formatPageviews", () => {
  it("uses k and M", () => {
    expect(formatPageviews(950)).toBe("950");
    expect(formatPageviews(10_000)).toBe("10k");
    expect(formatPageviews(200_000)).toBe("200k");
    expect(formatPageviews(1_000_000)).toBe("1M");
    expect(formatPageviews(2_500_000)).toBe("2.5M");
    expect(formatPageviews(10_000_000)).toBe("10M");
  });
});

describe("formatEur", () => {
  it("formats whole euros with thousands separators", () => {
    expect(formatEur(9)).toBe("€9");
    expect(formatEur(1990)).toBe("€1,990");
  });
});

describe("PLAN_KEYS", () => {
  it("lists exactly the keys of PLANS, in order", () => {
    expect(PLANS.map((p) => p.key)).toEqual([...PLAN_KEYS]);
    expect(isPlanKey("1m")).toBe(true);
    expect(isPlanKey("1M")).toBe(false);
  });
});
