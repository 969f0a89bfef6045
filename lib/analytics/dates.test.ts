import { describe, expect, it } from "vitest";
import { addDays } from "./dates";

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
