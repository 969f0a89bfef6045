import { describe, expect, it } from "vitest";
import { utcDay } from "./utc-day";

describe("utcDay", () => {
  it("gives the UTC date, across midnight in both directions", () => {
    expect(utcDay(Date.parse("2031-03-10T23:59:59.999Z"))).toBe("2031-03-10");
    expect(utcDay(Date.parse("2031-03-11T00:00:00.000Z"))).toBe("2031-03-11");
    expect(utcDay(Date.parse("2031-03-10T00:00:00.000Z"))).toBe("2031-03-10");
    expect(utcDay(Date.parse("2024-02-29T12:00:00Z"))).toBe("2024-02-29");
  });
});
