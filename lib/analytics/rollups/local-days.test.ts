import { describe, expect, it } from "vitest";
import { localDaysOfUtcDay } from "./local-days";

describe("localDaysOfUtcDay", () => {
  it("maps a UTC day to the local days it overlaps", () => {
    expect(localDaysOfUtcDay("2026-03-10", "Etc/UTC")).toEqual(["2026-03-10"]);
    expect(localDaysOfUtcDay("2026-03-10", "America/New_York")).toEqual(["2026-03-09", "2026-03-10"]);
    expect(localDaysOfUtcDay("2026-03-10", "Asia/Tokyo")).toEqual(["2026-03-10", "2026-03-11"]);
    expect(localDaysOfUtcDay("2026-12-31", "Pacific/Kiritimati")).toEqual(["2026-12-31", "2027-01-01"]);
  });
});
