import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { fillFinishedDays, forgetDays, readsRaw } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { breakdown } from "@/lib/analytics/engines/clickhouse/queries/breakdown";
import { goalConversions } from "@/lib/analytics/engines/clickhouse/queries/goal-conversions";
import { timeseries } from "@/lib/analytics/engines/clickhouse/queries/timeseries";
import { totals } from "@/lib/analytics/engines/clickhouse/queries/totals";
import type { SiteRows } from "@/lib/analytics/analytics-store";
import { addDays } from "@/lib/analytics/dates";
import { KINDS } from "@/lib/analytics/rollups/aggregate-sql";
import type { StatsQuery } from "@/lib/analytics/types";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";

// The kept day rows of the ClickHouse engine (day-rows-cache.ts): the store fills a site's
// finished days in the background once per local day (fillFinishedDays), a view filtered by
// one low-cardinality value or one page reads them (filter_day_rows) and gives the raw answer, and a bulk
// load that forgets days has them filled again.

let ch: ClickHouse;
let statements = 0;
const counted = (): ClickHouse => ({
  query: (sql, params) => ch.query(sql, params),
  command: (sql, params) => {
    statements++;
    return ch.command(sql, params);
  },
  insert: (table, rows) => ch.insert(table, rows),
  close: () => ch.close(),
});

const SITE = { id: "kept-rows-site", timezone: "Etc/UTC" };
const TODAY = new Date().toISOString().slice(0, 10);
const DAY = addDays(TODAY, -3);

function siteRows(siteId = SITE.id, start = Date.parse(`${DAY}T10:00:00Z`)): SiteRows {
  const attrs = { source: "Google", referrerHost: "www.google.com", channel: "search", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null };
  const visits = Array.from({ length: 12 }, (_, i) => ({
    visitId: String(i + 1),
    visitorId: String(100 + (i % 9)),
    startedAt: start + i * 60_000,
    endedAt: start + i * 60_000 + 30_000,
    entryPage: "/",
    exitPage: i % 2 ? "/pricing" : "/",
    pageviews: i % 2 ? 2 : 1,
    events: 0,
    ...attrs,
    country: i % 3 ? "DE" : "FR",
    region: null,
    city: i % 3 ? "Berlin" : "Paris",
    browser: i % 4 ? "Firefox" : "Safari",
    os: "Linux",
    device: "desktop",
  }));
  const events = visits.flatMap((v) =>
    [{ ts: v.startedAt, name: "pageview", visitorId: v.visitorId, visitId: v.visitId, pathname: "/", props: null }].concat(
      v.pageviews === 2 ? [{ ts: v.endedAt, name: "pageview", visitorId: v.visitorId, visitId: v.visitId, pathname: "/pricing", props: null }] : [],
    ),
  );
  return { siteId, visits, events };
}

beforeAll(async () => {
  ch = await startTestClickHouse();
  await bulkInsert(ch, siteRows());
});
afterAll(async () => {
  await ch?.close();
});

const count = async (table: string) =>
  Number((await ch.query<{ n: string }>(`SELECT count() AS n FROM ${table} FINAL WHERE site_id = {site:String}`, { site: SITE.id }))[0]?.n);

describe("kept day rows", () => {
  it("are filled once per site and finished day, and again after a bulk load forgets them", async () => {
    await fillFinishedDays(counted(), [SITE]);
    expect(await count("day_rows_filled")).toBe(35);
    expect(await count("filter_day_rows")).toBeGreaterThan(0);
    const first = statements;
    expect(first).toBeGreaterThan(0);

    await fillFinishedDays(counted(), [SITE]);
    expect(statements).toBe(first); // nothing to do the second time

    await forgetDays(ch, SITE.id, Date.parse(`${DAY}T00:00:00Z`), Date.parse(`${DAY}T23:59:59Z`));
    await fillFinishedDays(counted(), [SITE]);
    expect(statements).toBeGreaterThan(first);
    expect(await count("day_rows_filled")).toBe(35);
  });

  it("answer a view filtered by one country as the raw rows do, also for the page rows of its first day", async () => {
    const range = { period: "custom" as const, from: DAY, to: addDays(DAY, 1), interval: "day" as const };
    const kept: StatsQuery = { site: SITE, range, filters: { country: "DE" } };
    const raw: StatsQuery = { ...kept, source: "raw" };
    // Kept rows for the totals, its own panel and the shared ones; UTM panels and two filters stay raw.
    expect(["total", "country", "page", "browser", "city"].map((kind) => readsRaw(kept, range, [kind as "total"]))).toEqual([false, false, false, false, false]);
    expect(readsRaw(kept, range, ["utm_source"])).toBe(true);
    expect(readsRaw({ ...kept, filters: { country: "DE", browser: "Firefox" } }, range, ["total"])).toBe(true);
    expect(await totals(ch, kept, range)).toEqual(await totals(ch, raw, range));
    expect(await totals(ch, kept, range)).toMatchObject({ visits: 8 });
    for (const dimension of ["page", "browser", "city", "country", "utm_source"] as const) {
      expect(await breakdown(ch, kept, dimension, { limit: 100 }), dimension).toEqual(await breakdown(ch, raw, dimension, { limit: 100 }));
    }
    expect((await breakdown(ch, kept, "browser", { limit: 100 })).map((r) => r.value)).toEqual(["Firefox", "Safari"]);
  });
  // Visits on a day that is over and an hour ago (a day that is not), filled as the store does in the background.
  async function siteWithRecentVisits(id: string): Promise<StatsQuery["site"]> {
    const site = { id, timezone: "Etc/UTC" };
    const day = siteRows(site.id);
    const recent = siteRows(site.id, Date.now() - 3_600_000);
    const shift = (visitId: string) => String(1000 + Number(visitId));
    await bulkInsert(ch, {
      siteId: site.id,
      visits: [...day.visits, ...recent.visits.map((v) => ({ ...v, visitId: shift(v.visitId), browser: "Chrome" }))],
      events: [...day.events, ...recent.events.map((e) => ({ ...e, visitId: shift(e.visitId) }))],
    });
    await fillFinishedDays(ch, [site]);
    return site;
  }

  const goals = [
    { id: "pricing", eventName: null, pagePath: "/pricing" },
    { id: "signup", eventName: "Signup", pagePath: null },
  ];

  // A dashboard view's queries, how many of their statements read visits or events, and how many read kept rows.
  async function viewWithScans(q: StatsQuery, dimensions: Array<"browser" | "country" | "city">) {
    let scans = 0;
    let keptReads = 0;
    const scanning: ClickHouse = {
      ...ch,
      query: (sql, params) => {
        if (/FROM (visits|events)\b/.test(sql)) scans++;
        if (/FROM (filter_)?day_rows FINAL/.test(sql)) keptReads++;
        return ch.query(sql, params);
      },
    };
    const answers = await Promise.all([
      totals(scanning, q, q.range),
      timeseries(scanning, q),
      Promise.all(dimensions.map((d) => breakdown(scanning, q, d, { limit: 100 }))),
      breakdown(scanning, q, "page", { limit: 100, visitorsOnly: true }),
      goalConversions(scanning, q, goals),
    ]);
    return { answers, scans, keptReads };
  }

  it("answer an unfiltered view as the raw rows do, from kept rows and one scan of its recent days for all its visit panels and one for its pages and goals", async () => {
    const site = await siteWithRecentVisits("kept-rows-recent");
    const range = { period: "custom" as const, from: addDays(DAY, -1), to: TODAY, interval: "day" as const };
    const kept: StatsQuery = { site, range, filters: {} };
    const raw: StatsQuery = { ...kept, source: "raw" };
    expect(readsRaw(kept, range, KINDS)).toBe(false);

    const { answers, scans, keptReads } = await viewWithScans(kept, ["browser", "country"]);
    expect({ scans, keptReads }).toEqual({ scans: 2, keptReads: 2 });
    expect(answers).toEqual((await viewWithScans(raw, ["browser", "country"])).answers);
    const [sums, , [browsers]] = answers;
    expect(sums).toMatchObject({ visits: 24 });
    expect(browsers?.map((r) => r.value)).toEqual(["Chrome", "Firefox", "Safari"]);
  });

  it("answer a view filtered by one value as the raw rows do, its kept panels in one statement of visits and one of events; panels not kept in one more", async () => {
    const site = await siteWithRecentVisits("kept-rows-recent-filtered");
    // From the finished day (its page and event rows are raw) to today.
    const range = { period: "custom" as const, from: DAY, to: TODAY, interval: "day" as const };
    for (const filters of [{ page: "/pricing" }, { country: "DE" }]) {
      const kept: StatsQuery = { site, range, filters };
      const raw: StatsQuery = { ...kept, source: "raw" };
      const panels = await viewWithScans(kept, ["browser", "country"]);
      expect({ scans: panels.scans, keptReads: panels.keptReads }, JSON.stringify(filters)).toEqual({ scans: 2, keptReads: 2 });
      expect(panels.answers, JSON.stringify(filters)).toEqual((await viewWithScans(raw, ["browser", "country"])).answers);
      // A page filter keeps no city rows: those are read raw, beside the kept ones.
      const withCity = await viewWithScans(kept, ["browser", "country", "city"]);
      expect({ scans: withCity.scans, keptReads: withCity.keptReads }, JSON.stringify(filters)).toEqual({ scans: "page" in filters ? 3 : 2, keptReads: 2 });
      expect(withCity.answers, JSON.stringify(filters)).toEqual((await viewWithScans(raw, ["browser", "country", "city"])).answers);
    }
    const pageView = await viewWithScans({ site, range, filters: { page: "/pricing" } }, ["browser"]);
    expect(pageView.answers[0]).toMatchObject({ visits: 12, pageviews: 24 });
  });

  it("answer a view filtered by one page as the raw rows do: its totals, visit panels, pages and goals", async () => {
    const range = { period: "custom" as const, from: addDays(DAY, -1), to: addDays(DAY, 1), interval: "day" as const };
    const kept: StatsQuery = { site: SITE, range, filters: { page: "/pricing" } };
    const raw: StatsQuery = { ...kept, source: "raw" };
    expect(["total", "page", "channel", "country", "browser", "os", "device", "event"].map((kind) => readsRaw(kept, range, [kind as "total"]))).toEqual(Array(8).fill(false));
    expect(readsRaw(kept, range, ["city"])).toBe(true);
    expect(readsRaw({ ...kept, filters: { page: "/pricing", country: "DE" } }, range, ["total"])).toBe(true);
    expect(await totals(ch, kept, range)).toEqual(await totals(ch, raw, range));
    expect(await totals(ch, kept, range)).toMatchObject({ visits: 6, pageviews: 12 });
    for (const dimension of ["page", "browser", "country", "city", "event"] as const) {
      expect(await breakdown(ch, kept, dimension, { limit: 100 }), dimension).toEqual(await breakdown(ch, raw, dimension, { limit: 100 }));
    }
    expect((await breakdown(ch, kept, "page", { limit: 100 })).map((r) => [r.value, r.pageviews])).toEqual([["/", 6], ["/pricing", 6]]);
    const goals = [{ id: "pricing", eventName: null, pagePath: "/pricing" }];
    expect(await goalConversions(ch, kept, goals)).toEqual(await goalConversions(ch, raw, goals));
    // A path no visit viewed: zero, from kept rows that hold nothing for it.
    const none: StatsQuery = { ...kept, filters: { page: "/never" } };
    expect(await totals(ch, none, range)).toEqual(await totals(ch, { ...none, source: "raw" }, range));
    expect(await breakdown(ch, none, "page", { limit: 100 })).toEqual([]);
  });
});
