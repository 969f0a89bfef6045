import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getBreakdown,
  getGoalConversions,
  getRealtimeVisitors,
  getTimeseries,
  getTopStats,
  hasAnyEvent,
  resolveRange,
} from "@/lib/analytics/query";
import { insertVisit, rebuildSiteStats } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { DIMENSIONS, type StatsQuery } from "@/lib/analytics/types";
import { runDashboardQueries } from "@/scripts/bench/run-dashboard-queries";
import { closePool, getPool } from "@/lib/db/pool";

// The dashboard's numbers on a handful of hand-made visits whose answers are known.

let siteId = "";
const day = (from: string, to = from): StatsQuery => ({ site: { id: siteId, timezone: "Etc/UTC" }, range: resolveRange({ period: "custom", from, to }, "Etc/UTC"), filters: {} });

beforeAll(async () => {
  siteId = (await createSyntheticSite(getPool(), { domain: "query-dashboard.example", timezone: "Etc/UTC" })).siteId;
  const at = (time: string) => `2026-04-10T${time}Z`;
  await insertVisit(siteId, {
    id: 1,
    visitor: 1,
    pages: [{ path: "/", at: at("10:00:00") }, { path: "/pricing", at: at("10:01:00") }],
    customEvents: [{ name: "Signup", at: at("10:02:00") }],
    attrs: { source: "Google", channel: "search", country: "FR" },
  });
  await insertVisit(siteId, { id: 2, visitor: 2, pages: [{ path: "/blog/a", at: at("11:00:00") }] });
  await insertVisit(siteId, { id: 3, visitor: 2, pages: [{ path: "/pricing", at: at("15:00:00") }, { path: "/signup", at: at("15:03:00") }] });
  await insertVisit(siteId, { id: 4, visitor: 3, pages: [{ path: "/", at: "2026-04-09T09:00:00Z" }] });
  await rebuildSiteStats(siteId);
});
afterAll(() => closePool());

describe("dashboard queries", () => {
  it("computes top stats with the previous period of the same length", async () => {
    expect(await getTopStats(day("2026-04-10"))).toEqual({
      current: { visitors: 2, visits: 3, pageviews: 5, viewsPerVisit: 1.67, bounceRate: 33.3, visitDuration: 100 },
      previous: { visitors: 1, visits: 1, pageviews: 1, viewsPerVisit: 1, bounceRate: 100, visitDuration: 0 },
      previousRange: { period: "custom", from: "2026-04-09", to: "2026-04-09", interval: "hour" },
    });
  });

  it("counts goal conversions against all visitors of the period", async () => {
    const goals = [
      { id: "a", eventName: "Signup", pagePath: null },
      { id: "b", eventName: null, pagePath: "/pricing" },
      { id: "c", eventName: null, pagePath: "/pricing/" },
    ];
    expect(await getGoalConversions(day("2026-04-10"), goals)).toEqual([
      { goalId: "a", label: "Signup", kind: "event", visitors: 1, events: 1, conversionRate: 50 },
      { goalId: "b", label: "Visit /pricing", kind: "page", visitors: 2, events: 2, conversionRate: 100 },
      { goalId: "c", label: "Visit /pricing/", kind: "page", visitors: 0, events: 0, conversionRate: 0 },
    ]);
    expect(await getGoalConversions(day("2026-04-10"), [])).toEqual([]);
  });

  it("orders, searches and pages breakdowns", async () => {
    const q = day("2026-04-10");
    expect((await getBreakdown(q, "page")).map((r) => [r.value, r.visitors, r.pageviews])).toEqual([
      ["/pricing", 2, 2],
      ["/", 1, 1],
      ["/blog/a", 1, 1],
      ["/signup", 1, 1],
    ]);
    expect((await getBreakdown(q, "page", { search: "BLOG" })).map((r) => r.value)).toEqual(["/blog/a"]);
    expect((await getBreakdown(q, "page", { search: "100%_" })).map((r) => r.value)).toEqual([]);
    expect((await getBreakdown(q, "page", { limit: 2, offset: 1 })).map((r) => r.value)).toEqual(["/", "/blog/a"]);
    expect(await getBreakdown(q, "source")).toEqual([
      { value: "Direct / None", visitors: 1, visits: 2, pageviews: 3, bounceRate: 50, visitDuration: 90, events: 0 },
      { value: "Google", visitors: 1, visits: 1, pageviews: 2, bounceRate: 0, visitDuration: 120, events: 1 },
    ]);
    expect(await getBreakdown(q, "event")).toEqual([{ value: "Signup", visitors: 1, visits: 1, pageviews: 2, bounceRate: 0, visitDuration: 120, events: 1 }]);
  });

  it("fills every hour of a day, every day of a range and every month of a year", async () => {
    const hours = await getTimeseries(day("2026-04-10"));
    expect(hours).toHaveLength(24);
    expect(hours[0]?.bucket).toBe("2026-04-10T00:00");
    expect(hours.filter((p) => p.visits > 0).map((p) => [p.bucket, p.visits, p.pageviews])).toEqual([
      ["2026-04-10T10:00", 1, 2],
      ["2026-04-10T11:00", 1, 1],
      ["2026-04-10T15:00", 1, 2],
    ]);
    const days = await getTimeseries(day("2026-04-08", "2026-04-11"));
    expect(days.map((p) => [p.bucket, p.visitors])).toEqual([
      ["2026-04-08", 0],
      ["2026-04-09", 1],
      ["2026-04-10", 2],
      ["2026-04-11", 0],
    ]);
    const year: StatsQuery = { ...day("2026-04-10"), range: resolveRange({ period: "12mo" }, "Etc/UTC", new Date("2026-04-20T00:00:00Z")) };
    const months = await getTimeseries(year);
    expect(months.map((p) => p.bucket)).toEqual(["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(months.at(-1)).toMatchObject({ visitors: 3, visits: 4, pageviews: 6 });
  });

  it("runs a whole dashboard in one call and reports each query's time", async () => {
    const data = await runDashboardQueries(day("2026-04-10"), [{ id: "a", eventName: "Signup", pagePath: null }]);
    expect(Object.keys(data.breakdowns).sort()).toEqual([...DIMENSIONS].sort());
    expect(data.breakdowns.country.map((r) => r.value)).toEqual(["DE", "FR"]);
    expect(data.topStats.current.visits).toBe(3);
    expect(data.timeseries).toHaveLength(24);
    expect(data.goals[0]?.conversionRate).toBe(50);
    for (const name of ["topStats", "timeseries", "goals", "breakdown:page", "total"]) expect(data.timings[name]).toBeGreaterThan(0);
  });
});

describe("hourly graphs on days when clocks change", () => {
  let nySite = "";
  beforeAll(async () => {
    nySite = (await createSyntheticSite(getPool(), { domain: "query-dst.example", timezone: "America/New_York" })).siteId;
    // 01:30 happens twice on 2026-11-01 in New York: first EDT (05:30Z), then EST (06:30Z).
    await insertVisit(nySite, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-11-01T05:30:00Z" }] });
    await insertVisit(nySite, { id: 2, visitor: 2, pages: [{ path: "/", at: "2026-11-01T06:30:00Z" }] });
    await insertVisit(nySite, { id: 3, visitor: 3, pages: [{ path: "/", at: "2026-03-08T07:15:00Z" }] });
    await rebuildSiteStats(nySite);
  });
  const nyDay = (d: string): StatsQuery => ({ site: { id: nySite, timezone: "America/New_York" }, range: resolveRange({ period: "custom", from: d, to: d }, "America/New_York"), filters: {} });

  it("merges the repeated hour when clocks go back", async () => {
    const points = await getTimeseries(nyDay("2026-11-01"));
    expect(points).toHaveLength(24);
    expect(points.find((p) => p.bucket === "2026-11-01T01:00")).toMatchObject({ visits: 2, visitors: 2 });
    expect((await getTimeseries({ ...nyDay("2026-11-01"), filters: { page: "/" } })).find((p) => p.bucket === "2026-11-01T01:00")).toMatchObject({ visits: 2 });
  });

  it("skips the missing hour when clocks go forward", async () => {
    const points = await getTimeseries(nyDay("2026-03-08"));
    expect(points).toHaveLength(23);
    expect(points.map((p) => p.bucket)).not.toContain("2026-03-08T02:00");
    expect(points.find((p) => p.bucket === "2026-03-08T03:00")).toMatchObject({ visits: 1 });
  });
});

describe("realtime and first-event checks", () => {
  it("counts visitors of the last five minutes from raw events", async () => {
    const { siteId: live } = await createSyntheticSite(getPool(), { domain: "query-realtime.example", timezone: "Etc/UTC" });
    expect(await hasAnyEvent(live)).toBe(false);
    expect(await getRealtimeVisitors(live)).toBe(0);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    await insertVisit(live, { id: 1, visitor: 1, pages: [{ path: "/", at: ago(2) }, { path: "/a", at: ago(1) }] });
    await insertVisit(live, { id: 2, visitor: 2, pages: [{ path: "/", at: ago(4) }] });
    await insertVisit(live, { id: 3, visitor: 3, pages: [{ path: "/", at: ago(10) }] });
    expect(await getRealtimeVisitors(live)).toBe(2);
    expect(await hasAnyEvent(live)).toBe(true);
    expect(await getRealtimeVisitors(siteId)).toBe(0);
  });
});
