import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { insertVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { markDaysWithoutPageFilterRows, markDirty, markRecentDaysDirty, pendingSiteDays, refreshDirtyRollups } from "@/lib/analytics/rollups";
import { analyzeGrownTables } from "@/lib/analytics/rollups/table-statistics";
import { closePool, getPool } from "@/lib/db/pool";

// The dirty-day tracker between the ingestion writer and the rollups.

afterAll(() => closePool());

const totals = async (siteId: string) =>
  (
    await getPool().query<{ day: string; visits: number }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, visits FROM daily_stats WHERE site_id = $1 AND dimension = 'total' ORDER BY day",
      [siteId],
    )
  ).rows;

describe("dirty days", () => {
  it("maps a UTC day to the site's local days and refreshes each once", async () => {
    const { siteId } = await createSyntheticSite(getPool(), { domain: "dirty-ny.example", timezone: "America/New_York" });
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-07-10T02:00:00Z" }] });
    await insertVisit(siteId, { id: 2, visitor: 2, pages: [{ path: "/", at: "2026-07-10T15:00:00Z" }] });
    const key = { siteId, timezone: "America/New_York", day: "2026-07-10" };
    markDirty([key, key, key]);
    expect(pendingSiteDays()).toBe(2); // 2026-07-09 and 2026-07-10 in New York
    const [first, second] = await Promise.all([refreshDirtyRollups(), refreshDirtyRollups()]);
    expect(first).toBe(second); // overlapping calls share one run
    expect(first?.siteDays).toBe(2);
    expect(pendingSiteDays()).toBe(0);
    expect(await totals(siteId)).toEqual([
      { day: "2026-07-09", visits: 1 },
      { day: "2026-07-10", visits: 1 },
    ]);
  });

  it("waits a few refresh-lengths before refreshing the same site again", async () => {
    const { siteId } = await createSyntheticSite(getPool(), { domain: "dirty-backoff.example", timezone: "Etc/UTC" });
    const key = { siteId, timezone: "Etc/UTC", day: "2026-07-11" };
    const now = Date.now();
    markDirty([key]);
    expect((await refreshDirtyRollups(now)).siteDays).toBe(1);
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-07-11T10:00:00Z" }] });
    markDirty([key]);
    expect((await refreshDirtyRollups(now)).siteDays).toBe(0);
    expect(pendingSiteDays()).toBe(1);
    expect((await refreshDirtyRollups(now + 60_000)).siteDays).toBe(1);
    expect(await totals(siteId)).toEqual([{ day: "2026-07-11", visits: 1 }]);
  });

  it("after a restart, marks the recent days of sites that had visits", async () => {
    const { siteId } = await createSyntheticSite(getPool(), { domain: "dirty-recent.example", timezone: "Etc/UTC" });
    const { siteId: quiet } = await createSyntheticSite(getPool(), { domain: "dirty-quiet.example", timezone: "Etc/UTC" });
    await insertVisit(quiet, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-06-01T10:00:00Z" }] });
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-07-20T23:00:00Z" }] });
    await insertVisit(siteId, { id: 2, visitor: 2, pages: [{ path: "/", at: "2026-07-21T08:00:00Z" }] });
    const marked = await markRecentDaysDirty(2, new Date("2026-07-21T12:00:00Z"));
    expect(marked).toBeGreaterThanOrEqual(2);
    await refreshDirtyRollups(Date.now() + 3_600_000);
    expect(await totals(siteId)).toEqual([
      { day: "2026-07-20", visits: 1 },
      { day: "2026-07-21", visits: 1 },
    ]);
    expect(await totals(quiet)).toEqual([]);
  });

  it("after an upgrade, marks the days whose rollups have no page filter rows yet, and the refresh adds them", async () => {
    const pool = getPool();
    const { siteId } = await createSyntheticSite(pool, { domain: "dirty-page-rows.example", timezone: "Etc/UTC" });
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-05-03T10:00:00Z" }, { path: "/pricing", at: "2026-05-03T10:01:00Z" }] });
    await refreshDirtyRollups(Date.now() + 7_200_000); // nothing of this site pending
    markDirty([{ siteId, timezone: "Etc/UTC", day: "2026-05-03" }]);
    await refreshDirtyRollups(Date.now() + 10_800_000);
    const pageRows = async () =>
      (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM daily_filter_stats WHERE site_id = $1 AND filter = 'page' AND filter_value = '/pricing'", [siteId])).rows[0]!.n;
    expect(await pageRows()).toBeGreaterThan(0);
    await pool.query("DELETE FROM daily_filter_stats WHERE site_id = $1 AND filter = 'page'", [siteId]); // as rolled up before page rows existed

    expect(await markDaysWithoutPageFilterRows()).toBeGreaterThanOrEqual(1);
    await refreshDirtyRollups(Date.now() + 14_400_000);
    expect(await pageRows()).toBeGreaterThan(0);
    const total = await pool.query("SELECT visits, pageviews FROM daily_filter_stats WHERE site_id = $1 AND filter = 'page' AND filter_value = '/pricing' AND dimension = 'total'", [siteId]);
    expect(total.rows).toEqual([{ visits: 1, pageviews: 2 }]);
  });

  it("analyses visits and events once they grew by a fifth since their last analysis", async () => {
    const pool = getPool();
    // Autovacuum would analyse them too once they grew by a tenth, and did once, in CI, between
    // the insert and the check (the check then found only events).
    await pool.query("ALTER TABLE events SET (autovacuum_enabled = off); ALTER TABLE visits SET (autovacuum_enabled = off)");
    onTestFinished(() => pool.query("ALTER TABLE events RESET (autovacuum_enabled); ALTER TABLE visits RESET (autovacuum_enabled)").then(() => undefined));
    await pool.query("ANALYZE events, visits");
    const { siteId } = await createSyntheticSite(pool, { domain: "dirty-grown.example", timezone: "Etc/UTC" });
    // Enough new rows to pass a fifth of both tables, whatever earlier test files left in this database.
    const { rows } = await pool.query<{ events: number; visits: number }>("SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM visits)::int AS visits");
    const visitsPerDay = Math.max(6_000, Math.ceil((Math.max(rows[0]!.visits, rows[0]!.events / 2) * 0.5) / 2));
    const client = await pool.connect();
    try {
      const written = await insertSyntheticTraffic(client, { siteId, firstDay: "2026-05-01", days: 2, visitsPerDay });
      expect(written.visits).toBeGreaterThanOrEqual(10_000);
      await client.query("SELECT pg_stat_force_next_flush()"); // make this session's row counts visible now
    } finally {
      client.release();
    }
    expect(await analyzeGrownTables()).toEqual(["events", "visits"]);
    expect(await analyzeGrownTables()).toEqual([]);
  });
});
