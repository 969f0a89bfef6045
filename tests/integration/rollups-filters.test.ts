import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, getGoalConversions, getTimeseries, getTopStats, resolveRange } from "@/lib/analytics/query";
import { localDate } from "@/lib/analytics/dates";
import { rebuildSiteRollups, refreshDailyRollups } from "@/lib/analytics/rollups";
import { KINDS, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { FILTER_DIMENSIONS, hasFilterRows, PAGE_FILTER_KINDS, type FilterDimension } from "@/lib/analytics/rollups/filter-rows-sql";
import { usesRawPath } from "@/lib/analytics/query/source";
import { insertVisit } from "@/tests/support/insert-visit";
import { expectedDayRows, loadRaw, type RawEvent, type RawVisit, type Row } from "@/tests/support/reference-rollups";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { DIMENSIONS, type Dimension, type StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";

// daily_filter_stats: the rows of a view filtered by one value of a low-cardinality visit
// dimension (channel, country, browser, os, device) or by one page. Stored rows against a TypeScript
// recomputation, and every panel such a view reads from them against the raw path (the
// reference), over periods whose first day has events of visits that began the day before.

const TZ = "Europe/Paris";
const FIRST = "2026-02-23";
const LAST = "2026-03-01";
const SPILLS = [
  { channel: "direct", country: "DE", browser: "Firefox", os: "Linux", device: "desktop" },
  { channel: "search", country: "US", browser: "Chrome", os: "Windows", device: "mobile" },
];
const pool = () => getPool();
let siteId = "";
let raw: { visits: RawVisit[]; events: RawEvent[] };

beforeAll(async () => {
  siteId = (await createSyntheticSite(pool(), { domain: "rollups-filters.example", timezone: TZ })).siteId;
  await insertSyntheticTraffic(pool(), { siteId, firstDay: FIRST, days: 7, visitsPerDay: 150 });
  // Visits running past midnight in Paris into the first day of the periods below.
  for (const [id, attrs] of SPILLS.entries()) {
    await insertVisit(siteId, {
      id: 9_000_001 + id,
      visitor: 9_000_001 + id,
      pages: [
        { path: "/", at: "2026-02-24T22:50:00Z" },
        { path: "/pricing", at: "2026-02-24T23:05:00Z" },
      ],
      customEvents: [{ name: "Signup", at: "2026-02-24T23:06:00Z" }],
      attrs,
    });
  }
  await rebuildSiteRollups(siteId);
  raw = await loadRaw(pool(), siteId);
});
// The synthetic week and its rollups go with the site (tests/README.md: later files may read every row).
afterAll(async () => {
  if (siteId) await pool().query("DELETE FROM sites WHERE id = $1", [siteId]);
  await closePool();
});

type Stored = Map<string, Map<string, Row>>; // "filter|filter value|kind" → "day|value" → row

async function storedRows(): Promise<Stored> {
  const { rows } = await pool().query<Row & { filter: string; filter_value: string; dimension: string; day: string; value: string }>(
    `SELECT filter, filter_value, dimension, to_char(day, 'YYYY-MM-DD') AS day, value, visitors, visits, pageviews, bounces,
       duration_sum::float8 AS duration_sum, events
     FROM daily_filter_stats WHERE site_id = $1`,
    [siteId],
  );
  const stored: Stored = new Map();
  for (const { filter, filter_value, dimension, day, value, ...row } of rows) {
    const key = `${filter}|${filter_value}|${dimension}`;
    if (!stored.has(key)) stored.set(key, new Map());
    stored.get(key)?.set(`${day}|${value}`, row);
  }
  return stored;
}

/** What daily_filter_stats must hold: for every value of every filter, the day rows of its visits. */
function expectedRows(data: { visits: RawVisit[]; events: RawEvent[] }): Stored {
  const expected: Stored = new Map();
  for (const filter of FILTER_DIMENSIONS) {
    const values = new Set(data.visits.map((v) => v[filter]).filter((v): v is string => typeof v === "string" && v !== ""));
    for (const value of values) {
      const visitSet = new Set(data.visits.filter((v) => v[filter] === value).map((v) => v.visit_id));
      const rows = expectedDayRows(data, TZ, visitSet);
      for (const kind of KINDS) {
        const kindRows = rows.get(kind);
        if (hasFilterRows(filter, kind) && kindRows && kindRows.size > 0) expected.set(`${filter}|${value}|${kind}`, kindRows);
      }
    }
  }
  // The page filter: for every path viewed, the day rows of the visits that viewed it, its totals and pages too.
  for (const path of new Set(data.events.filter((e) => e.name === "pageview").map((e) => e.pathname))) {
    const visitSet = new Set(data.events.filter((e) => e.name === "pageview" && e.pathname === path).map((e) => e.visit_id));
    const rows = expectedDayRows(data, TZ, visitSet);
    for (const kind of PAGE_FILTER_KINDS) {
      const kindRows = rows.get(kind);
      if (kindRows && kindRows.size > 0) expected.set(`page|${path}|${kind}`, kindRows);
    }
  }
  return expected;
}

const query = (filters: StatsQuery["filters"], from: string, to: string, source?: "raw"): StatsQuery => ({
  site: { id: siteId, timezone: TZ },
  range: resolveRange({ period: "custom", from, to }, TZ),
  filters,
  source,
});

const goals = [
  { id: "signup", eventName: "Signup", pagePath: null },
  { id: "pricing", eventName: null, pagePath: "/pricing" },
];

/** The spilling visits' values, the most frequent and a rarer one (a rare value has days without rows). */
function valuesOf(filter: FilterDimension): string[] {
  const counts = new Map<string, number>();
  for (const v of raw.visits) if (typeof v[filter] === "string" && v[filter] !== "") counts.set(v[filter], (counts.get(v[filter]) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
  return [...new Set([...SPILLS.map((s) => s[filter]), sorted[0], sorted[Math.floor(sorted.length * 0.7)]])].filter((v): v is string => v !== undefined);
}

describe("daily_filter_stats", () => {
  it("holds, for every value of every low-cardinality filter, the rows of that value's visits", async () => {
    const stored = await storedRows();
    expect(stored.size).toBeGreaterThan(100);
    expect(stored).toEqual(expectedRows(raw));
  });

  it("follows new visits and vanished values when a day is refreshed again", async () => {
    await insertVisit(siteId, {
      id: 9_100_001,
      visitor: 9_100_001,
      pages: [
        { path: "/", at: "2026-02-25T10:00:00Z" },
        { path: "/pricing", at: "2026-02-25T10:01:00Z" },
      ],
      customEvents: [{ name: "Signup", at: "2026-02-25T10:02:00Z" }],
      attrs: { country: "IS", browser: "Lynx", os: "Plan 9", device: "desktop", channel: "search" },
    });
    await refreshDailyRollups(siteId, TZ, ["2026-02-25"]);
    expect(await storedRows()).toEqual(expectedRows(await loadRaw(pool(), siteId)));
    const iceland = await pool().query("SELECT count(*)::int AS n FROM daily_filter_stats WHERE site_id = $1 AND filter_value IN ('IS', 'Lynx', 'Plan 9')", [siteId]);
    expect(iceland.rows[0]?.n).toBeGreaterThan(0);

    await pool().query("DELETE FROM events WHERE site_id = $1 AND visit_id = 9100001", [siteId]);
    await pool().query("DELETE FROM visits WHERE site_id = $1 AND visit_id = 9100001", [siteId]);
    await refreshDailyRollups(siteId, TZ, ["2026-02-25"]);
    raw = await loadRaw(pool(), siteId);
    expect(await storedRows()).toEqual(expectedRows(raw));
    const left = await pool().query(
      "SELECT count(*)::int AS n FROM daily_filter_stats WHERE site_id = $1 AND (filter_value IN ('IS', 'Lynx', 'Plan 9') OR value IN ('IS', 'Lynx', 'Plan 9'))",
      [siteId],
    );
    expect(left.rows[0]?.n).toBe(0);
  });
});

describe("a view filtered by one low-cardinality value", () => {
  // The middle of the week: its first day has events of visits that began the evening before.
  const from = "2026-02-25";
  const to = LAST;

  it("has a first day with events of visits that began the day before (what the raw first day is for)", () => {
    const started = new Map(raw.visits.map((v) => [v.visit_id, localDate(TZ, new Date(v.started))]));
    const spill = raw.events.filter((e) => localDate(TZ, new Date(e.ts)) === from && started.get(e.visit_id) === "2026-02-24");
    expect(new Set(spill.map((e) => e.name))).toEqual(new Set(["pageview", "Signup"]));
  });

  it.each(FILTER_DIMENSIONS.map((f) => [f]))("%s: every panel it reads from the rollups equals the raw path", async (filter) => {
    const held = DIMENSIONS.filter((d: Dimension) => d === filter || hasFilterRows(filter, d as Kind));
    expect(held).toEqual(expect.arrayContaining([filter, "page", "event"]));
    for (const value of valuesOf(filter)) {
      for (const [a, b] of [[from, to], [FIRST, LAST], [from, from]] as const) {
        const rollups = query({ [filter]: value }, a, b);
        const rawQ = query({ [filter]: value }, a, b, "raw");
        for (const dimension of held) {
          expect(usesRawPath(rollups, [dimension]), dimension).toBe(false);
          expect(await getBreakdown(rollups, dimension, { limit: 1000 }), `${filter}=${value} ${a}..${b}: ${dimension}`).toEqual(
            await getBreakdown(rawQ, dimension, { limit: 1000 }),
          );
        }
        expect(usesRawPath(rollups, ["event", "page", "total"])).toBe(false);
        expect(await getGoalConversions(rollups, goals)).toEqual(await getGoalConversions(rawQ, goals));
        expect(await getTopStats(rollups)).toEqual(await getTopStats(rawQ));
        expect(await getTimeseries(rollups)).toEqual(await getTimeseries(rawQ));
      }
    }
  });

  it("page: every panel it reads from the rollups (its totals and pages too) equals the raw path", async () => {
    const held = DIMENSIONS.filter((d: Dimension) => PAGE_FILTER_KINDS.includes(d));
    expect(held).toEqual(expect.arrayContaining(["page", "channel", "country", "browser", "event"]));
    const counts = new Map<string, number>();
    for (const e of raw.events) if (e.name === "pageview") counts.set(e.pathname, (counts.get(e.pathname) ?? 0) + 1);
    const rare = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "/";
    for (const path of ["/pricing", rare, "/never-viewed"]) {
      for (const [a, b] of [[from, to], [FIRST, LAST], [from, from]] as const) {
        const rollups = query({ page: path }, a, b);
        const rawQ = query({ page: path }, a, b, "raw");
        expect(usesRawPath(rollups, ["total", ...held])).toBe(false);
        for (const dimension of held) {
          expect(await getBreakdown(rollups, dimension, { limit: 1000 }), `page=${path} ${a}..${b}: ${dimension}`).toEqual(await getBreakdown(rawQ, dimension, { limit: 1000 }));
        }
        expect(await getGoalConversions(rollups, goals)).toEqual(await getGoalConversions(rawQ, goals));
        expect(await getTopStats(rollups)).toEqual(await getTopStats(rawQ));
        expect(await getTimeseries(rollups)).toEqual(await getTimeseries(rawQ));
      }
    }
    expect((await getTopStats(query({ page: "/pricing" }, FIRST, LAST))).current.visitors).toBeGreaterThan(0);
    expect(usesRawPath(query({ page: "/pricing" }, from, to), ["city"])).toBe(true);
  });

  it("reads its other panels raw (entry and exit pages have too many values for rollup rows)", () => {
    const q = query({ country: "DE" }, from, to);
    expect(usesRawPath(q, ["entry_page"])).toBe(true);
    expect(usesRawPath(q, ["city"])).toBe(false);
    expect(usesRawPath(query({ browser: "Firefox" }, from, to), ["city"])).toBe(true);
    expect(usesRawPath(query({ country: "DE", browser: "Firefox" }, from, to), ["browser"])).toBe(true);
  });

  it("finds a hostile filter value intact (bound, never spliced into the SQL)", async () => {
    const value = `x' OR '1'='1 \\ {country:String} $1 --`;
    await insertVisit(siteId, {
      id: 9_100_002,
      visitor: 9_100_002,
      pages: [{ path: "/hostile", at: "2026-02-27T10:00:00Z" }],
      attrs: { browser: value },
    });
    await refreshDailyRollups(siteId, TZ, ["2026-02-27"]);
    const q = query({ browser: value }, from, to);
    expect(await getBreakdown(q, "page")).toEqual([
      { value: "/hostile", visitors: 1, visits: 1, pageviews: 1, bounceRate: 100, visitDuration: 0, events: 0 },
    ]);
    expect(await getBreakdown(q, "page")).toEqual(await getBreakdown({ ...q, source: "raw" }, "page"));
  });
});
