import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, getGoalConversions, getRealtimeVisitors, getTimeseries, getTotals, hasAnyEvent, previousRange, resolveRange, type RangeInput } from "@/lib/analytics/query";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import { breakdown } from "@/lib/analytics/engines/clickhouse/queries/breakdown";
import { countEvents } from "@/lib/analytics/engines/clickhouse/queries/count-events";
import { goalConversions } from "@/lib/analytics/engines/clickhouse/queries/goal-conversions";
import { hasAnyEvent as chHasAnyEvent } from "@/lib/analytics/engines/clickhouse/queries/has-any-event";
import { pageviewsBySite } from "@/lib/analytics/engines/clickhouse/queries/pageviews-by-site";
import { realtimeVisitors } from "@/lib/analytics/engines/clickhouse/queries/realtime-visitors";
import { timeseries } from "@/lib/analytics/engines/clickhouse/queries/timeseries";
import { totals } from "@/lib/analytics/engines/clickhouse/queries/totals";
import { readSite } from "@/lib/analytics/engines/clickhouse/read-site";
import { monthUsage } from "@/lib/billing/usage";
import { DIMENSIONS, type Filters, type StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";
import { copySiteRows, readPostgresSiteRows } from "@/tests/support/copy-site-rows";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { fixtureRows, insertVisit, type FixtureVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";

// Same answers on both engines: one site per time zone, seeded in Postgres (synthetic
// traffic over a year plus hand-made visits on the days clocks change), its rows copied into
// ClickHouse, then every query asked of both over a grid of periods × time zones × filters.
// Postgres answers twice, from its rollups and from raw rows (source "raw"): ClickHouse must
// equal both.

const NOW = new Date("2026-04-12T09:30:00Z");
// Berlin and Los Angeles change clocks on different days; Kathmandu is +05:45. (UTC adds nothing these do not.)
const ZONES = ["Europe/Berlin", "America/Los_Angeles", "Asia/Kathmandu"] as const;
const PERIODS: Array<[string, RangeInput]> = [
  ["today", { period: "today" }],
  ["7d", { period: "7d" }],
  ["30d", { period: "30d" }],
  ["month", { period: "month" }],
  ["12mo", { period: "12mo" }],
  ["a custom range across both DST changes", { period: "custom", from: "2026-03-07", to: "2026-03-30" }],
  ["the day Europe springs forward", { period: "custom", from: "2026-03-29", to: "2026-03-29" }],
  ["the day Europe falls back", { period: "custom", from: "2025-10-26", to: "2025-10-26" }],
  ["the day America springs forward", { period: "custom", from: "2026-03-08", to: "2026-03-08" }],
  ["the day America falls back", { period: "custom", from: "2025-11-02", to: "2025-11-02" }],
];
const FILTERS: Filters[] = [
  {},
  { country: "US" },
  { browser: "Firefox" },
  { page: "/pricing" },
  { event: "Signup" },
  { entry_page: "/" },
  { exit_page: "/pricing" },
  { country: "DE", page: "/pricing" },
];
const GOALS = [
  { id: "signup", eventName: "Signup", pagePath: null },
  { id: "pricing", eventName: null, pagePath: "/pricing" },
  { id: "never", eventName: "Never fired", pagePath: null },
];

// Visits around the clock changes (local 01:00–03:59 in Berlin and Los Angeles, both ways),
// across local midnights, a visit that starts the day before a period, and empty values.
function handMade(): FixtureVisit[] {
  const visits: FixtureVisit[] = [];
  let id = 900_000_000_000;
  const add = (at: string, extra: Partial<FixtureVisit> = {}) => {
    id += 1;
    const start = Date.parse(at);
    const later = (min: number) => new Date(start + min * 60_000).toISOString();
    visits.push({
      id,
      visitor: id,
      pages: [{ path: "/", at }, { path: "/pricing", at: later(7) }, { path: "/docs", at: later(50) }],
      customEvents: id % 2 === 0 ? [{ name: "Signup", at: later(8) }] : [],
      attrs: { country: id % 3 === 0 ? "US" : "DE", utm_source: id % 4 === 0 ? "" : null },
      ...extra,
    });
  };
  for (const day of ["2026-03-29", "2025-10-26", "2026-03-08", "2025-11-02", "2026-04-11", "2026-04-12"]) {
    for (let minutes = 0; minutes < 24 * 60 + 120; minutes += 25) add(new Date(Date.parse(`${day}T00:00:00Z`) - 60 * 60_000 + minutes * 60_000).toISOString());
  }
  // One page only (a bounce), and a visit that crosses many local midnights' neighbourhoods.
  add("2026-04-11T23:50:00Z", { pages: [{ path: "/blog/Ünïcode", at: "2026-04-11T23:50:00Z" }] });
  add("2026-03-06T23:40:00Z", { pages: [{ path: "/", at: "2026-03-06T23:40:00Z" }, { path: "/pricing", at: "2026-03-07T08:40:00Z" }] });
  return visits;
}

type Site = { siteId: string; userId: string; timezone: string };
let ch: ClickHouse;
const sites = new Map<string, Site>();
/** Every user this file made; their sites and rows go with them (ON DELETE CASCADE). */
const createdUsers: string[] = [];

// The three sites are seeded side by side: most of the time is the rollup rebuild (a statement
// per site-day, 378 days each), which waits on Postgres one statement at a time.
beforeAll(async () => {
  const started = startTestClickHouse();
  const seeded = await Promise.all(
    ZONES.map(async (timezone) => {
      const { siteId, userId } = await createSyntheticSite(getPool(), { domain: `agree-${timezone.replace("/", "-").toLowerCase()}.example`, timezone });
      createdUsers.push(userId);
      await insertSyntheticTraffic(getPool(), { siteId, firstDay: "2025-04-01", days: 378, visitsPerDay: 6 });
      await (await getAnalyticsStore()).bulkInsert(fixtureRows(siteId, handMade()));
      await rebuildSiteRollups(siteId);
      return { siteId, userId, timezone };
    }),
  );
  ch = await started;
  for (const site of seeded) {
    await copySiteRows(ch, site.siteId);
    sites.set(site.timezone, site);
  }
  await getPool().query("ANALYZE visits, events"); // so the raw path plans for the rows it has
}, 240_000);
// The year of traffic and its rollups go when the file is done: later files in this worker's
// database that read every row of every table (delete-account, no-plaintext) took minutes over them.
afterAll(async () => {
  await ch?.close();
  await getPool().query("DELETE FROM users WHERE id = ANY($1::text[])", [createdUsers]);
  await closePool();
});

function query(timezone: string, input: RangeInput, filters: Filters): StatsQuery {
  const site = sites.get(timezone);
  if (!site) throw new Error(`no site in ${timezone}`);
  return { site: { id: site.siteId, timezone }, range: resolveRange(input, timezone, NOW), filters };
}

const label = (filters: Filters) => JSON.stringify(filters);

// The one place the engines differ, and Postgres' own two paths with them: an hour graph in a
// zone whose offset is not whole hours (Kathmandu, +05:45). Hour points are UTC hours labelled
// locally; Postgres' hourly_stats rollup reads the UTC hours that start inside the day, so its
// last point ("23:00", UTC 18:00–19:00) also holds the next local day's first 45 minutes,
// while its raw path and ClickHouse count only the visits that started on the day (23:45–24:00).
// Every other point is the same.
function comparablePoints<T>(q: StatsQuery, points: T[]): T[] {
  const wholeHours = !["Asia/Kathmandu"].includes(q.site.timezone);
  const rollups = Object.keys(q.filters).length === 0;
  return wholeHours || q.range.interval !== "hour" || !rollups ? points : points.slice(0, -1);
}

// Before the grid: its views fill ClickHouse's kept day rows (day-rows-cache.ts) of three sites
// in three zones for a year, and the bulk load below forgets days with a lightweight DELETE, a
// mutation of every part of those tables: 12 s after the grid, 0.2 s before it.
describe("site-wide answers", () => {
  it("agree on realtime visitors, the first event, event counts and monthly pageviews", async () => {
    const { siteId, userId } = await createSyntheticSite(getPool(), { domain: "agree-live.example", timezone: "UTC" });
    createdUsers.push(userId);
    expect(await chHasAnyEvent(ch, siteId)).toBe(false);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    await insertVisit(siteId, { id: 1, visitor: 11, pages: [{ path: "/", at: minutesAgo(12) }, { path: "/a", at: minutesAgo(1) }] });
    await insertVisit(siteId, { id: 2, visitor: 12, pages: [{ path: "/", at: minutesAgo(2) }] });
    await insertVisit(siteId, { id: 3, visitor: 13, pages: [{ path: "/", at: minutesAgo(20) }] });
    await rebuildSiteRollups(siteId);
    await copySiteRows(ch, siteId);

    const since = new Date(Date.now() - 5 * 60_000);
    expect(await realtimeVisitors(ch, siteId, since)).toBe(await getRealtimeVisitors(siteId));
    expect(await realtimeVisitors(ch, siteId, since)).toBe(2);
    expect(await chHasAnyEvent(ch, siteId)).toBe(await hasAnyEvent(siteId));
    expect(await chHasAnyEvent(ch, siteId)).toBe(true);

    for (const site of [...sites.values(), { siteId, userId }]) {
      const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE site_id = $1", [site.siteId]);
      expect(await countEvents(ch, site.siteId)).toBe(rows[0]?.n);
      for (const now of [NOW, new Date("2025-10-15T00:00:00Z"), new Date()]) {
        const usage = await monthUsage(site.userId, now);
        const start = new Date(`${usage.month}-01T00:00:00Z`);
        const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
        const expected = new Map(usage.sites.filter((s) => s.pageviews > 0).map((s) => [s.siteId, s.pageviews]));
        expect(await pageviewsBySite(ch, [site.siteId, "no-such-site"], start, end), `${site.siteId} ${usage.month}`).toEqual(expected);
      }
    }
  });

  it("agree on a week that ends today: kept rows of the days that are over, raw rows of the recent ones, forgotten when a bulk load writes the past", { timeout: 90_000 }, async () => {
    const timezone = "America/Los_Angeles";
    const { siteId, userId } = await createSyntheticSite(getPool(), { domain: "agree-recent.example", timezone });
    createdUsers.push(userId);
    const at = (daysAgo: number, minutesAgo = 0) => new Date(Date.now() - daysAgo * 86_400_000 - minutesAgo * 60_000).toISOString();
    for (const [i, daysAgo] of [0, 0, 1, 3, 3, 5].entries()) {
      await insertVisit(siteId, { id: i + 1, visitor: i % 4, pages: [{ path: "/", at: at(daysAgo, 30) }, { path: `/p${i % 3}`, at: at(daysAgo, 20) }] });
    }
    await rebuildSiteRollups(siteId);
    await copySiteRows(ch, siteId);
    const q: StatsQuery = { site: { id: siteId, timezone }, range: resolveRange({ period: "7d" }, timezone), filters: {} };
    const agree = async () => {
      expect(await totals(ch, q, q.range)).toEqual(await getTotals(q, q.range));
      expect(await timeseries(ch, q)).toEqual(await getTimeseries(q));
      expect(await goalConversions(ch, q, GOALS)).toEqual(await getGoalConversions(q, GOALS));
      for (const dimension of ["page", "country", "exit_page"] as const) expect(await breakdown(ch, q, dimension, { limit: 100 })).toEqual(await getBreakdown(q, dimension, { limit: 100 }));
    };
    await agree();
    expect((await totals(ch, q, q.range)).visits).toBe(6);

    // A visit written into a day that is over (as a copy or a late replay would): both engines count it.
    await insertVisit(siteId, { id: 99, visitor: 99, pages: [{ path: "/late", at: at(4) }] });
    await rebuildSiteRollups(siteId);
    const late = await readPostgresSiteRows(siteId);
    await bulkInsert(ch, { siteId, visits: late.visits.filter((v) => v.visitId === "99"), events: late.events.filter((e) => e.visitId === "99") });
    await agree();
    expect((await totals(ch, q, q.range)).visits).toBe(7);
  });

  it("reads a site back page by page, as Postgres holds it", async () => {
    const site = sites.get("Europe/Berlin");
    if (!site) throw new Error("no Berlin site");
    const expected = await readPostgresSiteRows(site.siteId);
    const visits = [];
    const events = [];
    let after: string | null = null;
    for (;;) {
      const page = await readSite(ch, site.siteId, after, 500);
      if (page.visits.length === 0) break;
      visits.push(...page.visits);
      events.push(...page.events);
      after = page.visits[page.visits.length - 1]?.visitId ?? null;
    }
    expect(visits).toEqual(expected.visits);
    const byVisitAndTime = (a: { visitId: string; ts: number; name: string }, b: { visitId: string; ts: number; name: string }) =>
      BigInt(a.visitId) === BigInt(b.visitId) ? a.ts - b.ts || a.name.localeCompare(b.name) : BigInt(a.visitId) < BigInt(b.visitId) ? -1 : 1;
    expect(events.sort(byVisitAndTime)).toEqual([...expected.events].sort(byVisitAndTime));
  });
});

/**
 * Every query of one view, each asked of ClickHouse, of Postgres' rollups and of its raw rows:
 * [clickhouse, rollups, raw]. The queries are independent, so they are asked at once (both
 * engines answer several at a time; one after the other, the grid spent most of its time
 * waiting on each answer's round trip). One view at a time: the raw path's scans queue in the
 * read gate, two per site, and give up after READ_QUEUE_SECONDS.
 */
async function askEveryEngine(q: StatsQuery) {
  const raw: StatsQuery = { ...q, source: "raw" };
  const three = <T>(clickhouse: Promise<T>, postgres: (s: StatsQuery) => Promise<T>) => Promise.all([clickhouse, postgres(q), postgres(raw)]);
  const [current, previous, series, goals, panels] = await Promise.all([
    three(totals(ch, q, q.range), (s) => getTotals(s, q.range)),
    three(totals(ch, q, previousRange(q.range)), (s) => getTotals(s, previousRange(q.range))),
    three(timeseries(ch, q), getTimeseries),
    three(goalConversions(ch, q, GOALS), (s) => getGoalConversions(s, GOALS)),
    Promise.all(DIMENSIONS.map((dimension) => three(breakdown(ch, q, dimension, { limit: 1000 }), (s) => getBreakdown(s, dimension, { limit: 1000 })))),
  ]);
  return { totals: [current, previous] as const, series, goals, panels };
}

describe.each(ZONES)("in %s", (timezone) => {
  it.each(PERIODS)("%s: totals, graph, goals and every panel agree for every filter", { timeout: 120_000 }, async (_name, input) => {
    for (const filters of FILTERS) {
      const q = query(timezone, input, filters);
      const at = `${label(filters)} ${q.range.from}..${q.range.to}`;
      const answers = await askEveryEngine(q);
      // A year holds visits of every filter: the grid compares numbers, not empty answers.
      if (input.period === "12mo") expect(answers.totals[0][0].visits, at).toBeGreaterThan(0);
      for (const [mine, rollups, raw] of answers.totals) {
        expect(mine, `totals ${at}`).toEqual(rollups);
        expect(mine, `totals (raw) ${at}`).toEqual(raw);
      }
      const [series, rollupSeries, rawSeries] = answers.series;
      expect(series, `timeseries (raw) ${at}`).toEqual(rawSeries);
      expect(comparablePoints(q, series), `timeseries ${at}`).toEqual(comparablePoints(q, rollupSeries));
      const [goals, rollupGoals, rawGoals] = answers.goals;
      expect(goals, `goals ${at}`).toEqual(rollupGoals);
      expect(goals, `goals (raw) ${at}`).toEqual(rawGoals);
      for (const [i, dimension] of DIMENSIONS.entries()) {
        const [rows, rollupRows, rawRows] = answers.panels[i]!;
        expect(rows, `${dimension} ${at}`).toEqual(rollupRows);
        expect(rows, `${dimension} (raw) ${at}`).toEqual(rawRows);
      }
    }
  });
});

// The dashboard asks for its parts at once, and ClickHouse answers a view's visit parts with
// one statement and its top pages and goals with another (visit-panels.ts, event-panels.ts):
// asked together, every part equals Postgres' answer (as each part asked alone does above),
// and the top pages read for their visitors only are the first rows of the full panel.
describe("parts asked together", () => {
  it.each(ZONES)("in %s: one statement per side gives each part's own answer", { timeout: 120_000 }, async (timezone) => {
    for (const input of [{ period: "30d" }, { period: "12mo" }] as RangeInput[]) {
      for (const filters of FILTERS) {
        const q = query(timezone, input, filters);
        const at = `${label(filters)} ${q.range.from}..${q.range.to}`;
        const visitDimensions = DIMENSIONS.filter((d) => d !== "page" && d !== "event");
        const [current, previous, series, goals, pages, ...panels] = await Promise.all([
          totals(ch, q, q.range),
          totals(ch, q, previousRange(q.range)),
          timeseries(ch, q),
          goalConversions(ch, q, GOALS),
          breakdown(ch, q, "page", { limit: 9, visitorsOnly: true }),
          ...visitDimensions.map((d) => breakdown(ch, q, d, { limit: 9 })),
        ]);
        const [pgCurrent, pgPrevious, pgSeries, pgGoals, fullPages, ...pgPanels] = await Promise.all([
          getTotals(q, q.range),
          getTotals(q, previousRange(q.range)),
          getTimeseries(q),
          getGoalConversions(q, GOALS),
          getBreakdown(q, "page", { limit: 9 }),
          ...visitDimensions.map((d) => getBreakdown(q, d, { limit: 9 })),
        ]);
        expect(current, `totals ${at}`).toEqual(pgCurrent);
        expect(previous, `previous totals ${at}`).toEqual(pgPrevious);
        expect(comparablePoints(q, series), `timeseries ${at}`).toEqual(comparablePoints(q, pgSeries));
        expect(goals, `goals ${at}`).toEqual(pgGoals);
        expect(pages.map((r) => [r.value, r.visitors, r.pageviews]), `top pages ${at}`).toEqual(fullPages.map((r) => [r.value, r.visitors, r.pageviews]));
        for (const [i, d] of visitDimensions.entries()) expect(panels[i], `${d} ${at}`).toEqual(pgPanels[i]);
      }
    }
  });
});

describe("panel options", () => {
  it.each([
    { limit: 3 },
    { limit: 3, offset: 2 },
    { limit: 5, offset: 1000 },
    { search: "o" },
    { search: "  PRIC " },
    { search: "ünï" },
    { search: "ÜNÏ" },
    { limit: 0 },
    { limit: 5000 },
  ])("agree for %j on every dimension", async (options) => {
    for (const [timezone, input, filters] of [
      ["Europe/Berlin", { period: "30d" }, {}],
      ["America/Los_Angeles", { period: "12mo" }, { country: "DE" }],
      ["Asia/Kathmandu", { period: "7d" }, { page: "/pricing" }],
    ] as Array<[string, RangeInput, Filters]>) {
      const q = query(timezone, input, filters);
      const answers = await Promise.all(
        DIMENSIONS.map((dimension) => Promise.all([breakdown(ch, q, dimension, options), getBreakdown(q, dimension, options), getBreakdown({ ...q, source: "raw" }, dimension, options)])),
      );
      for (const [i, dimension] of DIMENSIONS.entries()) {
        const [rows, rollupRows, rawRows] = answers[i]!;
        expect(rows, `${dimension} ${timezone}`).toEqual(rollupRows);
        expect(rows, `${dimension} (raw) ${timezone}`).toEqual(rawRows);
      }
    }
  });
});
