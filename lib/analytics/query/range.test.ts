import { describe, expect, it } from "vitest";
import { InvalidRangeError, intervalFor, previousRange, resolveRange } from "./range";
import type { PeriodKey } from "@/lib/analytics/types";

const at = (iso: string) => new Date(iso);
const resolve = (period: PeriodKey, tz: string, now: string, custom: { from?: string; to?: string } = {}) =>
  resolveRange({ period, ...custom }, tz, at(now));

describe("resolveRange", () => {
  it("resolves today and yesterday in the site's time zone, hourly", () => {
    // 03:30 UTC on the 10th is still the evening of the 9th in New York.
    expect(resolve("today", "America/New_York", "2026-03-10T03:30:00Z")).toEqual({ period: "today", from: "2026-03-09", to: "2026-03-09", interval: "hour" });
    expect(resolve("yesterday", "America/New_York", "2026-03-10T03:30:00Z")).toMatchObject({ from: "2026-03-08", to: "2026-03-08", interval: "hour" });
    expect(resolve("today", "Asia/Tokyo", "2026-03-09T15:30:00Z")).toMatchObject({ from: "2026-03-10", to: "2026-03-10" });
    expect(resolve("today", "Pacific/Kiritimati", "2026-12-31T10:30:00Z")).toMatchObject({ from: "2027-01-01" });
    expect(resolve("today", "Pacific/Pago_Pago", "2027-01-01T10:30:00Z")).toMatchObject({ from: "2026-12-31" });
  });

  it("counts today in 7d and 30d, across month and year ends", () => {
    expect(resolve("7d", "Etc/UTC", "2026-03-03T12:00:00Z")).toMatchObject({ from: "2026-02-25", to: "2026-03-03", interval: "day" });
    expect(resolve("30d", "Etc/UTC", "2026-01-05T12:00:00Z")).toMatchObject({ from: "2025-12-07", to: "2026-01-05", interval: "day" });
    expect(resolve("30d", "Etc/UTC", "2024-03-01T00:00:00Z")).toMatchObject({ from: "2024-02-01", to: "2024-03-01" });
  });

  it("resolves month to date and last month, leap years included", () => {
    expect(resolve("month", "Etc/UTC", "2026-01-01T08:00:00Z")).toMatchObject({ from: "2026-01-01", to: "2026-01-01", interval: "day" });
    expect(resolve("month", "Europe/Berlin", "2026-02-28T23:30:00Z")).toMatchObject({ from: "2026-03-01", to: "2026-03-01" });
    expect(resolve("last_month", "Etc/UTC", "2026-01-15T00:00:00Z")).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
    expect(resolve("last_month", "Etc/UTC", "2026-03-31T00:00:00Z")).toMatchObject({ from: "2026-02-01", to: "2026-02-28" });
    expect(resolve("last_month", "Etc/UTC", "2024-03-01T00:00:00Z")).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("makes 12mo the last 12 calendar months including this one, monthly", () => {
    expect(resolve("12mo", "Etc/UTC", "2026-03-10T00:00:00Z")).toMatchObject({ from: "2025-04-01", to: "2026-03-10", interval: "month" });
    expect(resolve("12mo", "Etc/UTC", "2026-01-31T00:00:00Z")).toMatchObject({ from: "2025-02-01", to: "2026-01-31" });
  });

  it("follows daylight-saving changes of the site's zone", () => {
    // Berlin springs forward on 2026-03-29: 22:30 UTC is already 00:30 on the 30th (CEST).
    expect(resolve("today", "Europe/Berlin", "2026-03-29T22:30:00Z")).toMatchObject({ from: "2026-03-30" });
    // The day before, 22:30 UTC is 23:30 CET, still the 28th.
    expect(resolve("today", "Europe/Berlin", "2026-03-28T22:30:00Z")).toMatchObject({ from: "2026-03-28" });
    // New York falls back on 2026-11-01: 04:30 UTC is 00:30 EDT on the 1st; 04:30 on the 2nd is 23:30 EST on the 1st.
    expect(resolve("today", "America/New_York", "2026-11-01T04:30:00Z")).toMatchObject({ from: "2026-11-01" });
    expect(resolve("today", "America/New_York", "2026-11-02T04:30:00Z")).toMatchObject({ from: "2026-11-01" });
  });

  it("validates custom ranges and picks the interval by length", () => {
    expect(resolve("custom", "Etc/UTC", "2026-03-10T00:00:00Z", { from: "2026-01-05", to: "2026-01-05" })).toMatchObject({ interval: "hour" });
    expect(resolve("custom", "Etc/UTC", "2026-03-10T00:00:00Z", { from: "2026-01-01", to: "2026-04-03" })).toMatchObject({ interval: "day" });
    expect(resolve("custom", "Etc/UTC", "2026-03-10T00:00:00Z", { from: "2026-01-01", to: "2026-04-04" })).toMatchObject({ interval: "month" });
    const bad = (from?: string, to?: string) => () => resolve("custom", "Etc/UTC", "2026-03-10T00:00:00Z", { from, to });
    expect(bad("2026-02-30", "2026-03-01")).toThrow(/real date/);
    expect(bad("2026-03-02", "2026-03-01")).toThrow(/must not be after/);
    expect(bad("2024-01-01", "2026-01-02")).toThrow(/two years/);
    expect(bad("2026-01-01")).toThrow(InvalidRangeError);
    expect(() => resolve("custom", "Etc/UTC", "2026-03-10T00:00:00Z", { from: "2024-01-01", to: "2025-12-31" })).not.toThrow();
  });

  it("computes intervals at the edges", () => {
    expect(intervalFor("2026-01-01", "2026-01-02")).toBe("day");
    expect(intervalFor("2026-01-01", "2026-12-31")).toBe("month");
  });
});

describe("previousRange", () => {
  it("is the same number of days right before", () => {
    expect(previousRange({ period: "7d", from: "2026-03-04", to: "2026-03-10", interval: "day" })).toEqual({ period: "7d", from: "2026-02-25", to: "2026-03-03", interval: "day" });
    expect(previousRange({ period: "today", from: "2026-01-01", to: "2026-01-01", interval: "hour" })).toMatchObject({ from: "2025-12-31", to: "2025-12-31" });
    // February 2026 has 28 days: the 28 days before it.
    expect(previousRange({ period: "last_month", from: "2026-02-01", to: "2026-02-28", interval: "day" })).toMatchObject({ from: "2026-01-04", to: "2026-01-31" });
  });
});
