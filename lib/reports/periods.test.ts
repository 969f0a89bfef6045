import { describe, expect, it } from "vitest";
import { dueReportPeriod, lastCompletedPeriod, periodEndsAfter, periodStartDate, REPORT_DELAY_MINUTES } from "./periods";

const at = (iso: string) => new Date(iso);

describe("lastCompletedPeriod: weeks", () => {
  it("is the Monday–Sunday week before the current one, in the site's time zone", () => {
    // Wednesday 2026-04-15 in Berlin.
    expect(lastCompletedPeriod("weekly", "Europe/Berlin", at("2026-04-15T12:00:00Z"))).toEqual({
      frequency: "weekly",
      from: "2026-04-06",
      to: "2026-04-12",
      previous: { from: "2026-03-30", to: "2026-04-05" },
    });
  });

  it("turns over at local midnight between Sunday and Monday, across the spring DST change", () => {
    // Berlin's clocks went forward on Sunday 2026-03-29 (a 23-hour day); midnight is 22:00Z.
    expect(lastCompletedPeriod("weekly", "Europe/Berlin", at("2026-03-29T21:59:59Z"))).toMatchObject({ from: "2026-03-16", to: "2026-03-22" });
    expect(lastCompletedPeriod("weekly", "Europe/Berlin", at("2026-03-29T22:00:00Z"))).toMatchObject({ from: "2026-03-23", to: "2026-03-29" });
    // Los Angeles went forward on Sunday 2026-03-08; its Monday starts at 07:00Z (PDT).
    expect(lastCompletedPeriod("weekly", "America/Los_Angeles", at("2026-03-09T06:59:59Z"))).toMatchObject({ from: "2026-02-23", to: "2026-03-01" });
    expect(lastCompletedPeriod("weekly", "America/Los_Angeles", at("2026-03-09T07:00:00Z"))).toMatchObject({ from: "2026-03-02", to: "2026-03-08" });
  });

  it("turns over at local midnight after the autumn DST change (a 25-hour Sunday)", () => {
    // Los Angeles fell back on Sunday 2026-11-01; Monday starts at 08:00Z (PST).
    expect(lastCompletedPeriod("weekly", "America/Los_Angeles", at("2026-11-02T07:59:59Z"))).toMatchObject({ from: "2026-10-19", to: "2026-10-25" });
    expect(lastCompletedPeriod("weekly", "America/Los_Angeles", at("2026-11-02T08:00:00Z"))).toMatchObject({ from: "2026-10-26", to: "2026-11-01" });
    // Berlin fell back on Sunday 2026-10-25; Monday starts at 23:00Z (CET).
    expect(lastCompletedPeriod("weekly", "Europe/Berlin", at("2026-10-25T22:59:59Z"))).toMatchObject({ from: "2026-10-12", to: "2026-10-18" });
    expect(lastCompletedPeriod("weekly", "Europe/Berlin", at("2026-10-25T23:00:00Z"))).toMatchObject({ from: "2026-10-19", to: "2026-10-25" });
  });

  it("spans the turn of the year", () => {
    expect(lastCompletedPeriod("weekly", "Etc/UTC", at("2026-01-05T10:00:00Z"))).toEqual({
      frequency: "weekly",
      from: "2025-12-29",
      to: "2026-01-04",
      previous: { from: "2025-12-22", to: "2025-12-28" },
    });
  });

  it("gives different weeks for the same instant on either side of the date line", () => {
    const instant = at("2026-04-12T12:00:00Z"); // Monday 02:00 in Kiritimati (UTC+14), Sunday 01:00 in Pago Pago (UTC-11)
    expect(lastCompletedPeriod("weekly", "Pacific/Kiritimati", instant)).toMatchObject({ from: "2026-04-06", to: "2026-04-12" });
    expect(lastCompletedPeriod("weekly", "Pacific/Pago_Pago", instant)).toMatchObject({ from: "2026-03-30", to: "2026-04-05" });
  });
});

describe("lastCompletedPeriod: months", () => {
  it("is the previous calendar month, compared with the month before it whatever their lengths", () => {
    expect(lastCompletedPeriod("monthly", "Europe/Berlin", at("2026-03-01T00:30:00+01:00"))).toEqual({
      frequency: "monthly",
      from: "2026-02-01",
      to: "2026-02-28",
      previous: { from: "2026-01-01", to: "2026-01-31" },
    });
    expect(lastCompletedPeriod("monthly", "Etc/UTC", at("2026-05-31T23:59:59Z"))).toMatchObject({ from: "2026-04-01", to: "2026-04-30", previous: { from: "2026-03-01", to: "2026-03-31" } });
  });

  it("knows leap years", () => {
    expect(lastCompletedPeriod("monthly", "Etc/UTC", at("2028-03-01T00:00:00Z"))).toMatchObject({ from: "2028-02-01", to: "2028-02-29" });
    expect(lastCompletedPeriod("monthly", "Etc/UTC", at("2028-04-01T00:00:00Z"))).toMatchObject({ previous: { from: "2028-02-01", to: "2028-02-29" } });
  });

  it("spans the turn of the year and waits for the local new year", () => {
    expect(lastCompletedPeriod("monthly", "Europe/Berlin", at("2025-12-31T23:00:00Z"))).toEqual({
      frequency: "monthly",
      from: "2025-12-01",
      to: "2025-12-31",
      previous: { from: "2025-11-01", to: "2025-11-30" },
    });
    // 05:00Z on New Year's Day is still 21:00 on 31 December in Los Angeles.
    expect(lastCompletedPeriod("monthly", "America/Los_Angeles", at("2026-01-01T05:00:00Z"))).toMatchObject({ from: "2025-11-01", to: "2025-11-30" });
    expect(lastCompletedPeriod("monthly", "America/Los_Angeles", at("2026-01-01T08:00:00Z"))).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
    expect(lastCompletedPeriod("monthly", "Etc/UTC", at("2026-02-10T00:00:00Z"))).toMatchObject({ previous: { from: "2025-12-01", to: "2025-12-31" } });
  });
});

describe("dueReportPeriod", () => {
  it(`waits ${REPORT_DELAY_MINUTES} minutes after the local end of a period`, () => {
    const mondayMidnightBerlin = Date.parse("2026-04-12T22:00:00Z");
    const justBefore = new Date(mondayMidnightBerlin + REPORT_DELAY_MINUTES * 60_000 - 1);
    const due = new Date(mondayMidnightBerlin + REPORT_DELAY_MINUTES * 60_000);
    expect(dueReportPeriod("weekly", "Europe/Berlin", justBefore)).toMatchObject({ from: "2026-03-30", to: "2026-04-05" });
    expect(dueReportPeriod("weekly", "Europe/Berlin", due)).toMatchObject({ from: "2026-04-06", to: "2026-04-12" });
    expect(dueReportPeriod("monthly", "Europe/Berlin", due)).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
  });
});

describe("periodEndsAfter", () => {
  const week = { from: "2026-04-06", to: "2026-04-12" };
  it("counts a period that ends after the subscription started, by local date", () => {
    expect(periodEndsAfter(week, "Europe/Berlin", at("2026-04-12T21:30:00Z")), "Sunday 23:30 in Berlin").toBe(true);
    expect(periodEndsAfter(week, "Europe/Berlin", at("2026-04-12T22:30:00Z")), "Monday 00:30 in Berlin").toBe(false);
    expect(periodEndsAfter(week, "America/Los_Angeles", at("2026-04-13T06:00:00Z")), "Sunday 23:00 in Los Angeles").toBe(true);
    expect(periodEndsAfter(week, "Etc/UTC", at("2026-03-01T00:00:00Z"))).toBe(true);
  });
});

describe("periodStartDate", () => {
  it("is the first local day as a UTC midnight, as Postgres stores a DATE", () => {
    expect(periodStartDate({ from: "2026-04-06", to: "2026-04-12" }).toISOString()).toBe("2026-04-06T00:00:00.000Z");
  });
});
