import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "@/lib/analytics/dates";
import { planSegments, weekStart } from "./grains";

// Every day of the range must be covered exactly once by the chosen day, week and month rows.
function coveredDays(from: string, to: string, useWeeks = true): string[] {
  const { days, weeks, months } = planSegments(from, to, useWeeks);
  const all = [...days];
  for (const w of weeks) for (let i = 0; i < 7; i++) all.push(addDays(w, i));
  for (const m of months) for (let d = m; d.slice(0, 7) === m.slice(0, 7); d = addDays(d, 1)) all.push(d);
  return all.sort();
}

describe("planSegments", () => {
  it("uses whole weeks inside 30 days", () => {
    expect(planSegments("2026-02-09", "2026-03-10")).toEqual({
      days: ["2026-03-09", "2026-03-10"],
      weeks: ["2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02"],
      months: [],
    });
  });

  it("prefers a whole month to the weeks around its first day", () => {
    const plan = planSegments("2026-01-29", "2026-03-31");
    expect(plan.months).toEqual(["2026-02-01", "2026-03-01"]);
    expect(plan.days).toEqual(["2026-01-29", "2026-01-30", "2026-01-31"]);
  });

  it("covers every day exactly once, with and without weeks", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const from = addDays("2024-01-01", Math.floor(random() * 900));
      const to = addDays(from, Math.floor(random() * 400));
      const expected = Array.from({ length: daysBetween(from, to) + 1 }, (_, k) => addDays(from, k));
      expect(coveredDays(from, to)).toEqual(expected);
      const noWeeks = planSegments(from, to, false);
      expect(noWeeks.weeks).toEqual([]);
      expect(coveredDays(from, to, false)).toEqual(expected);
    }
  });

  it("finds the Monday of a week", () => {
    expect(weekStart("2026-03-10")).toBe("2026-03-09");
    expect(weekStart("2026-03-09")).toBe("2026-03-09");
    expect(weekStart("2026-03-15")).toBe("2026-03-09");
    expect(weekStart("2026-01-01")).toBe("2025-12-29");
  });
});
