import { describe, expect, it } from "vitest";
import { InvalidStatsParamsError, parseStatsParams, safeParseStatsParams } from "./params";

describe("parseStatsParams", () => {
  it("defaults to the last 30 days without filters", () => {
    expect(parseStatsParams({})).toEqual({ period: "30d", filters: {} });
  });

  it("reads filters as plain parameters from URLSearchParams and from Next's searchParams", () => {
    const url = new URLSearchParams("period=7d&country=DE&browser=Firefox&page=%2Fblog%2Fa&site_id=x.com");
    expect(parseStatsParams(url)).toEqual({ period: "7d", filters: { country: "DE", browser: "Firefox", page: "/blog/a" } });
    expect(parseStatsParams({ period: "today", event: "Signup", other: ["a", "b"] })).toEqual({ period: "today", filters: { event: "Signup" } });
  });

  it("ignores empty filters and custom dates of other periods", () => {
    expect(parseStatsParams({ period: "7d", country: "", from: "2026-01-01", to: "2026-01-02" })).toEqual({ period: "7d", filters: {} });
  });

  it("reads custom ranges from from/to or the date shorthand", () => {
    expect(parseStatsParams({ period: "custom", from: "2026-01-01", to: "2026-01-31" })).toMatchObject({ from: "2026-01-01", to: "2026-01-31" });
    expect(parseStatsParams({ date: "2026-01-01,2026-01-31" })).toMatchObject({ period: "custom", from: "2026-01-01", to: "2026-01-31" });
    expect(parseStatsParams({ date: "2026-02-03" })).toMatchObject({ period: "custom", from: "2026-02-03", to: "2026-02-03" });
  });

  it("refuses bad input with a readable message", () => {
    const message = (input: Record<string, string | string[]>) => {
      const result = safeParseStatsParams(input);
      return result.ok ? "" : result.message;
    };
    expect(message({ period: "week" })).toMatch(/period must be one of today, yesterday, 7d/);
    expect(message({ period: "custom" })).toMatch(/needs both from and to/);
    expect(message({ period: "custom", from: "2026-13-01", to: "2026-12-01" })).toMatch(/real date/);
    expect(message({ date: "2026-03-01,2026-02-01" })).toMatch(/must not be after/);
    expect(message({ country: ["DE", "FR"] })).toBe("Give country only once.");
    expect(message({ city: "x".repeat(501) })).toMatch(/at most 500/);
    expect(() => parseStatsParams({ period: "nope" })).toThrow(InvalidStatsParamsError);
  });
});
