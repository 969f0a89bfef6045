import { describe, expect, it } from "vitest";
import { formatCount, formatMetric } from "@/lib/analytics/format";
import { axisTicks } from "./chart-scale";

// The y-axis of the main graph: whole, distinct gridlines whatever the peak.

describe("axisTicks", () => {
  it.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [2, [0, 1, 2]],
    [3, [0, 1, 2, 3]],
    [4, [0, 1, 2, 3, 4]],
    [5, [0, 2, 4, 6]],
    [7, [0, 2, 4, 6, 8]],
    [10, [0, 5, 10]],
    [99, [0, 25, 50, 75, 100]],
    [100, [0, 25, 50, 75, 100]],
    [1234, [0, 500, 1000, 1500]],
    [1e6, [0, 250_000, 500_000, 750_000, 1_000_000]],
  ])("a peak of %d gets the gridlines %j", (peak, ticks) => {
    expect(axisTicks(peak)).toEqual(ticks);
  });

  it("gives a fractional peak (views per visit, say) whole gridlines above it", () => {
    expect(axisTicks(0.4)).toEqual([0, 1]);
    expect(axisTicks(1.5)).toEqual([0, 1, 2]);
    expect(axisTicks(12.5)).toEqual([0, 5, 10, 15]);
  });

  it("treats a missing or broken peak like no traffic", () => {
    expect(axisTicks(-3)).toEqual([0, 1]);
    expect(axisTicks(Number.NaN)).toEqual([0, 1]);
    expect(axisTicks(Number.POSITIVE_INFINITY)).toEqual([0, 1]);
  });

  // Every peak from 0 to 10,000 and a spread of larger ones: the properties the axis relies on.
  const peaks = [...Array.from({ length: 10_001 }, (_, i) => i), 12_345, 99_999, 250_001, 3_333_333, 87_654_321, 1e9];
  it("always starts at 0, covers the peak in at most 4 equal whole steps, and labels each line differently", () => {
    for (const peak of peaks) {
      const ticks = axisTicks(peak);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks[0], `peak ${peak}`).toBe(0);
      expect(ticks.at(-1)!, `peak ${peak}`).toBeGreaterThanOrEqual(peak);
      expect(ticks.length, `peak ${peak}`).toBeLessThanOrEqual(5);
      expect(ticks.length, `peak ${peak}`).toBeGreaterThanOrEqual(2);
      expect(ticks.every((t, i) => Number.isInteger(t) && t === i * step), `peak ${peak}: ${ticks.join(", ")}`).toBe(true);
      // The highest line is the first one at or above the peak: no empty band at the top.
      expect(ticks.at(-2)!, `peak ${peak}`).toBeLessThan(Math.max(peak, 1));
      const labels = ticks.map(formatCount);
      expect(new Set(labels).size, `peak ${peak}: ${labels.join(", ")}`).toBe(labels.length);
    }
  });

  it("labels percentages and durations distinctly too", () => {
    expect(axisTicks(100).map((t) => formatMetric("bounceRate", t))).toEqual(["0%", "25%", "50%", "75%", "100%"]);
    expect(axisTicks(65).map((t) => formatMetric("visitDuration", t))).toEqual(["0s", "20s", "40s", "1m 00s", "1m 20s"]);
  });
});
