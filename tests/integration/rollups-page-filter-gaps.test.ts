import { afterAll, describe, expect, it } from "vitest";
import { getBreakdown, getTopStats, resolveRange } from "@/lib/analytics/query";
import { refreshDailyRollups } from "@/lib/analytics/rollups";
import type { Filters, StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { insertVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";

// A page filter's rows cost the refresher the square of a visit's paths. A day with a visit
// of hundreds of paths (a crawler with a browser's user agent) gets none: the day is recorded
// in page_filter_gaps, and a view filtered by a page over it reads raw rows, with the same
// numbers. A day of ordinary visits keeps its rows.

const TZ = "Etc/UTC";
const pool = getPool();
afterAll(() => closePool());

const query = (siteId: string, filters: Filters, from: string, to: string, source?: "raw"): StatsQuery => ({
  site: { id: siteId, timezone: TZ },
  range: resolveRange({ period: "custom", from, to }, TZ),
  filters,
  ...(source ? { source } : {}),
});

const pageRows = async (siteId: string, day: string) =>
  (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM daily_filter_stats WHERE site_id = $1 AND day = $2 AND filter = 'page'", [siteId, day])).rows[0]!.n;
const gaps = async (siteId: string) =>
  (await pool.query<{ day: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM page_filter_gaps WHERE site_id = $1 ORDER BY day", [siteId])).rows.map((r) => r.day);

describe("a day whose visits viewed hundreds of paths", () => {
  it("gets no page filter rows but a gap, and a page-filtered view over it reads raw rows with the same numbers", async () => {
    const { siteId } = await createSyntheticSite(pool, { domain: "page-gaps.example", timezone: TZ });
    // 2026-04-01: ordinary visits. 2026-04-02: one of them, and a crawler's visit of 500 paths.
    for (let i = 1; i <= 3; i++) {
      await insertVisit(siteId, { id: i, visitor: i, pages: [{ path: "/", at: `2026-04-01T10:0${i}:00Z` }, { path: "/pricing", at: `2026-04-01T10:0${i}:30Z` }] });
    }
    await insertVisit(siteId, { id: 4, visitor: 4, pages: [{ path: "/pricing", at: "2026-04-02T09:00:00Z" }, { path: "/docs", at: "2026-04-02T09:01:00Z" }] });
    const crawl = Array.from({ length: 500 }, (_, i) => ({ path: i === 0 ? "/pricing" : `/archive/${i}`, at: new Date(Date.parse("2026-04-02T10:00:00Z") + i * 1000).toISOString() }));
    await insertVisit(siteId, { id: 5, visitor: 5, pages: crawl });
    await refreshDailyRollups(siteId, TZ, ["2026-04-01", "2026-04-02"]);

    expect(await pageRows(siteId, "2026-04-01")).toBeGreaterThan(0);
    expect(await pageRows(siteId, "2026-04-02")).toBe(0);
    expect(await gaps(siteId)).toEqual(["2026-04-02"]);

    for (const [from, to] of [["2026-04-01", "2026-04-02"], ["2026-04-02", "2026-04-02"], ["2026-04-01", "2026-04-01"]] as const) {
      const rows = query(siteId, { page: "/pricing" }, from, to);
      const raw = query(siteId, { page: "/pricing" }, from, to, "raw");
      expect(await getTopStats(rows), `${from}..${to}`).toEqual(await getTopStats(raw));
      expect(await getBreakdown(rows, "page", { limit: 1000 })).toEqual(await getBreakdown(raw, "page", { limit: 1000 }));
    }
    expect((await getTopStats(query(siteId, { page: "/pricing" }, "2026-04-01", "2026-04-02"))).current.visits).toBe(5);
  });

  it("closes the gap once the day's visits fit again", async () => {
    const { siteId } = await createSyntheticSite(pool, { domain: "page-gaps-closed.example", timezone: TZ });
    const crawl = Array.from({ length: 500 }, (_, i) => ({ path: `/p/${i}`, at: new Date(Date.parse("2026-04-03T10:00:00Z") + i * 1000).toISOString() }));
    await insertVisit(siteId, { id: 1, visitor: 1, pages: crawl });
    await refreshDailyRollups(siteId, TZ, ["2026-04-03"]);
    expect(await gaps(siteId)).toEqual(["2026-04-03"]);

    await pool.query("DELETE FROM events WHERE site_id = $1 AND visit_id = 1 AND pathname <> '/p/0'", [siteId]); // as if the crawl were erased
    await refreshDailyRollups(siteId, TZ, ["2026-04-03"]);
    expect(await gaps(siteId)).toEqual([]);
    expect(await pageRows(siteId, "2026-04-03")).toBeGreaterThan(0);
  });
});
