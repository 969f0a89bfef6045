import { describe, expect, it } from "vitest";
import { addDays, utcDay } from "./dates";

describe("addDays", () => {
  it("adds and subtracts days across months and years", () => {
    expect(addDays("2031-03-01", -1)).toBe("2031-02-28");
    expect(addDays("2030-12-31", 1)).toBe("2031-01-01");
    expect(addDays("2024-03-01", -2)).toBe("2024-02-28");
  });

  it("refuses what is not a calendar day", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow("not a date");
  });
});

describe("utcDay", () => {
  it("gives the UTC date, across midnight in both directions", () => {
    expect(utcDay(Date.parse("2031-03-10T23:59:59.999Z"))).toBe("2031-03-10");
    expect(utcDay(Date.parse("2031-03-11T00:00:00.000Z"))).toBe("2031-03-11");
    expect(utcDay(Date.parse("2031-03-10T00:00:00.000Z"))).toBe("2031-03-10");
    expect(utcDay(Date.parse("2024-02-29T12:00:00Z"))).toBe("2024-02-29");
  });
});
