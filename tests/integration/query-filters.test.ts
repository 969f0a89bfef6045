import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, getGoalConversions, getTimeseries, getTopStats, resolveRange } from "@/lib/analytics/query";
import { addDays } from "@/lib/analytics/dates";
import { expectedDayRows, loadRaw, sumByValue, type RawEvent, type RawVisit } from "@/tests/support/reference-rollups";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { toMetrics } from "@/lib/analytics/query/metrics";
import { DIMENSIONS, type Dimension, type Filters, type StatsQuery } from "@/lib/analytics/types";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import { runDashboardQueries } from "@/scripts/bench/run-dashboard-queries";
import { closePool, getPool, getReadPool } from "@/lib/db/pool";

// Every filter, on both paths: filtered queries (raw visits/events) against a TypeScript
// recomputation, and the raw path with no filter against the rollups it must agree with.

const FIRST = "2026-02-23";
const LAST = "2026-03-01";
const TZ = "Europe/Paris";
let raw: { visits: RawVisit[]; events: RawEvent[] };
let base: StatsQuery;

beforeAll(async () => {
  const { siteId } = await createSyntheticSite(getPool(), { domain: "query-filters.example", timezone: TZ });
  await insertSyntheticTraffic(getPool(), { siteId, firstDay: FIRST, days: 7, visitsPerDay: 150 });
  await rebuildSiteRollups(siteId);
  raw = await loadRaw(getPool(), siteId);
  base = { site: { id: siteId, timezone: TZ }, range: resolveRange({ period: "custom", from: FIRST, to: LAST }, TZ), filters: {} };
});
// The synthetic week and its rollups go with the site (tests/README.md: later files may read every row).
afterAll(async () => {
  if (base) await getPool().query("DELETE FROM sites WHERE id = $1", [base.site.id]);
  await closePool();
});

const goals = [
  { id: "signup", eventName: "Signup", pagePath: null },
  { id: "pricing", eventName: null, pagePath: "/pricing" },
  { id: "never", eventName: "Never fired", pagePath: null },
];

describe("the raw path agrees with the rollups", () => {
  it.each([
    ["a week by day", FIRST, LAST],
    ["one day by hour", "2026-02-25", "2026-02-25"],
    ["four months by month", "2025-12-01", "2026-03-20"],
  ])("for %s", async (_label, from, to) => {
    const rollups: StatsQuery = { ...base, range: resolveRange({ period: "custom", from, to }, TZ) };
    const rawQ: StatsQuery = { ...rollups, source: "raw" };
    expect(await getTopStats(rawQ)).toEqual(await getTopStats(rollups));
    expect(await getTimeseries(rawQ)).toEqual(await getTimeseries(rollups));
    expect(await getGoalConversions(rawQ, goals)).toEqual(await getGoalConversions(rollups, goals));
    for (const dimension of DIMENSIONS) {
      expect(await getBreakdown(rawQ, dimension, { limit: 1000 }), dimension).toEqual(await getBreakdown(rollups, dimension, { limit: 1000 }));
    }
  });
});

// The visits a filter keeps: started in the period, matching every filter; page and event
// filters look at the visit's events (pageviews of that path / custom events of that name).
function visitsMatching(filters: Filters): Set<number> {
  const byVisit = new Map<number, RawEvent[]>();
  for (const e of raw.events) byVisit.set(e.visit_id, [...(byVisit.get(e.visit_id) ?? []), e]);
  const localDay = (ms: number) => new Date(ms).toLocaleDateString("sv-SE", { timeZone: TZ });
  return new Set(
    raw.visits
      .filter((v) => localDay(v.started) >= FIRST && localDay(v.started) <= LAST)
      .filter((v) =>
        (Object.entries(filters) as Array<[Dimension, string]>).every(([dimension, value]) => {
          const events = byVisit.get(v.visit_id) ?? [];
          if (dimension === "page") return events.some((e) => e.name === "pageview" && e.pathname === value);
          if (dimension === "event") return events.some((e) => e.name === value);
          return v[dimension] === value;
        }),
      )
      .map((v) => v.visit_id),
  );
}

async function topValue(dimension: Dimension): Promise<string> {
  const [row] = await getBreakdown(base, dimension, { limit: 1 });
  if (!row) throw new Error(`no ${dimension} values`);
  return row.value;
}

describe("filters", () => {
  it.each(DIMENSIONS.map((d) => [d]))("%s: filtered numbers match a recomputation and the unfiltered panel row", async (dimension) => {
    const value = await topValue(dimension);
    const filtered: StatsQuery = { ...base, filters: { [dimension]: value } };
    const visitSet = visitsMatching(filtered.filters);
    expect(visitSet.size).toBeGreaterThan(0);
    const expected = expectedDayRows(raw, TZ, visitSet);

    const top = await getTopStats(filtered);
    expect(top.current).toEqual(toMetrics(sumByValue(expected.get("total"), FIRST, LAST).get("")));

    // A visit filter's totals, graph and own panel are read from that value's rollup rows;
    // the raw path must give the same.
    const rawFiltered: StatsQuery = { ...filtered, source: "raw" };
    expect(top).toEqual(await getTopStats(rawFiltered));
    expect(await getTimeseries(filtered)).toEqual(await getTimeseries(rawFiltered));
    expect(await getBreakdown(filtered, dimension)).toEqual(await getBreakdown(rawFiltered, dimension));

    // Other panels under the filter, e.g. browsers of German visitors or pages of those visits.
    for (const other of ["browser", "page", "source"] as const) {
      const rows = await getBreakdown(filtered, other, { limit: 1000 });
      const sums = sumByValue(expected.get(other), FIRST, LAST);
      expect(new Map(rows.map((r) => [r.value, r.visitors])), `${dimension} → ${other}`).toEqual(new Map([...sums].map(([v, s]) => [v, s.visitors])));
    }

    // A visit dimension's filter selects exactly the visits of its panel row.
    if (dimension !== "page" && dimension !== "event") {
      const [row] = await getBreakdown(base, dimension, { limit: 1 });
      expect({ visitors: top.current.visitors, visits: top.current.visits, pageviews: top.current.pageviews, bounceRate: top.current.bounceRate }).toEqual({
        visitors: row?.visitors,
        visits: row?.visits,
        pageviews: row?.pageviews,
        bounceRate: row?.bounceRate,
      });
    }
  });

  it("combines filters", async () => {
    const filters: Filters = { country: await topValue("country"), browser: await topValue("browser"), page: "/pricing" };
    const visitSet = visitsMatching(filters);
    expect(visitSet.size).toBeGreaterThan(0);
    const expected = expectedDayRows(raw, TZ, visitSet);
    const q: StatsQuery = { ...base, filters };
    expect((await getTopStats(q)).current).toEqual(toMetrics(sumByValue(expected.get("total"), FIRST, LAST).get("")));
    const series = await getTimeseries(q);
    expect(series.map((p) => p.visits)).toEqual(
      Array.from({ length: 7 }, (_, i) => sumByValue(expected.get("total"), addDays(FIRST, i), addDays(FIRST, i)).get("")?.visits ?? 0),
    );
  });

  it("gives the same numbers for a whole dashboard in one scan as panel by panel", async () => {
    for (const q of [
      { ...base, filters: { country: await topValue("country") } },
      { ...base, filters: { page: "/pricing", device: "mobile" } },
      { ...base, range: resolveRange({ period: "custom", from: "2026-02-25", to: "2026-02-25" }, TZ), filters: { event: "Signup" } },
      { ...base, source: "raw" as const },
    ]) {
      const data = await runDashboardQueries(q, goals);
      expect(data.topStats).toEqual(await getTopStats(q));
      expect(data.timeseries).toEqual(await getTimeseries(q));
      expect(data.goals).toEqual(await getGoalConversions(q, goals));
      for (const dimension of DIMENSIONS) expect(data.breakdowns[dimension], dimension).toEqual(await getBreakdown(q, dimension, { limit: 10 }));
    }
  });

  it("answers a filtered view's panels, asked for together, from two shared scans", async () => {
    // A filter whose other panels have no rollup rows (source has too many values for them).
    const q: StatsQuery = { ...base, filters: { source: await topValue("source") } };
    const one = async () => [await getTopStats(q), await getBreakdown(q, "country"), await getBreakdown(q, "page"), await getGoalConversions(q, goals)];
    const separately = await one();
    const pool = getReadPool();
    let statements = 0;
    // Counts the statements that reach Postgres: each read takes a connection for one statement.
    const count = () => statements++;
    pool.on("acquire", count);
    try {
      const together = await Promise.all([getTopStats(q), getBreakdown(q, "country"), getBreakdown(q, "page"), getGoalConversions(q, goals)]);
      expect(together).toEqual(separately);
      // visit panels, event panels, and both periods' totals from the source rollup rows
      expect(statements).toBe(4);
    } finally {
      pool.off("acquire", count);
    }
  });

  it("returns zeros, not errors, for a filter nothing matches", async () => {
    const q: StatsQuery = { ...base, filters: { country: "ZZ", page: "/nowhere" } };
    expect((await getTopStats(q)).current).toEqual({ visitors: 0, visits: 0, pageviews: 0, viewsPerVisit: 0, bounceRate: 0, visitDuration: 0 });
    expect(await getBreakdown(q, "city")).toEqual([]);
    expect((await getTimeseries(q)).every((p) => p.visitors === 0)).toBe(true);
    expect((await getGoalConversions(q, goals)).map((g) => g.conversionRate)).toEqual([0, 0, 0]);
  });
});
