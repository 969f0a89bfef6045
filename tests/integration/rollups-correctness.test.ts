import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDirty, rebuildSiteRollups, refreshDailyRollups, refreshDirtyRollups, refreshHourlyRollups } from "@/lib/analytics/rollups";
import { KINDS } from "@/lib/analytics/rollups/aggregate-sql";
import { addDays } from "@/lib/analytics/dates";
import { insertVisit } from "@/tests/support/insert-visit";
import { expectedDayRows, loadRaw, type Expected, type Row } from "@/tests/support/reference-rollups";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { closePool, getPool } from "@/lib/db/pool";

// daily_stats and hourly_stats against a plain TypeScript recomputation from the raw rows,
// in three time zones (one with a half-hour offset) over the New York DST change, and the
// week/month rows against the sum of their days.

const pool = () => getPool();
afterAll(() => closePool());

type Stored = Map<string, Map<string, Row>>;

async function storedRows(siteId: string, prefix = ""): Promise<Stored> {
  const { rows } = await pool().query<Row & { dimension: string; day: string; value: string }>(
    `SELECT dimension, to_char(day, 'YYYY-MM-DD') AS day, value, visitors, visits, pageviews, bounces, duration_sum::float8 AS duration_sum, events
     FROM daily_stats WHERE site_id = $1 AND dimension = ANY($2::text[])`,
    [siteId, KINDS.map((k) => prefix + k)],
  );
  const stored: Stored = new Map(KINDS.map((k) => [k, new Map()]));
  for (const { dimension, day, value, ...row } of rows) stored.get(dimension.slice(prefix.length))?.set(`${day}|${value}`, row);
  return stored;
}

function sumDaysInto(expected: Expected, grain: "week" | "month"): Stored {
  const out: Stored = new Map();
  for (const [kind, rows] of expected) {
    const sums = new Map<string, Row>();
    for (const [key, row] of rows) {
      const day = key.slice(0, 10);
      const start = grain === "month" ? `${day.slice(0, 7)}-01` : addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
      const k = `${start}|${key.slice(11)}`;
      const s = sums.get(k) ?? { visitors: 0, visits: 0, pageviews: 0, bounces: 0, duration_sum: 0, events: 0 };
      for (const m of Object.keys(s) as Array<keyof Row>) s[m] += row[m];
      sums.set(k, s);
    }
    out.set(kind, sums);
  }
  return out;
}

async function expectRollupsMatchRaw(siteId: string, timezone: string): Promise<void> {
  const expected = expectedDayRows(await loadRaw(pool(), siteId), timezone);
  expect(await storedRows(siteId)).toEqual(expected);
  expect(await storedRows(siteId, "week:")).toEqual(sumDaysInto(expected, "week"));
  expect(await storedRows(siteId, "month:")).toEqual(sumDaysInto(expected, "month"));
}

describe.each(["Etc/UTC", "America/New_York", "Asia/Kolkata"])("rollups in %s", (timezone) => {
  let siteId = "";
  beforeAll(async () => {
    siteId = (await createSyntheticSite(pool(), { domain: `rollups-${timezone.replace(/\W/g, "-").toLowerCase()}.example`, timezone })).siteId;
    // 2026-03-08 is the day New York moves its clocks forward; the range crosses a month end.
    await insertSyntheticTraffic(pool(), { siteId, firstDay: "2026-02-26", days: 5, visitsPerDay: 120 });
  });

  it("rebuilds every dimension's day, week and month rows exactly", async () => {
    const result = await rebuildSiteRollups(siteId);
    expect(result.days).toBeGreaterThanOrEqual(5);
    await expectRollupsMatchRaw(siteId, timezone);
  });

  it("keeps week and month rows right when single days are refreshed again with new data", async () => {
    await insertVisit(siteId, {
      id: 9_000_001,
      visitor: 9_000_001,
      pages: [{ path: "/late-arrival", at: "2026-03-01T12:00:00Z" }],
      attrs: { country: "IS", city: "Reykjavik", browser: "Lynx" },
    });
    // A visit on a day that had no data yet, running past UTC midnight.
    await insertVisit(siteId, {
      id: 9_000_002,
      visitor: 9_000_002,
      pages: [
        { path: "/", at: "2026-03-05T23:50:00Z" },
        { path: "/after-midnight", at: "2026-03-06T00:10:00Z" },
      ],
      customEvents: [{ name: "Signup", at: "2026-03-06T00:11:00Z" }],
    });
    markDirty([
      { siteId, timezone, day: "2026-03-01" },
      { siteId, timezone, day: "2026-03-05" },
      { siteId, timezone, day: "2026-03-06" },
    ]);
    const { siteDays } = await refreshDirtyRollups();
    expect(siteDays).toBeGreaterThanOrEqual(1);
    await expectRollupsMatchRaw(siteId, timezone);
  });

  it("takes values that vanish out of their day, week and month rows", async () => {
    await getPool().query("DELETE FROM events WHERE site_id = $1 AND visit_id = 9000001", [siteId]);
    await getPool().query("DELETE FROM visits WHERE site_id = $1 AND visit_id = 9000001", [siteId]);
    const days = await getPool().query<{ day: string }>(
      "SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM daily_stats WHERE site_id = $1 AND dimension = 'country' AND value = 'IS'",
      [siteId],
    );
    expect(days.rows).toHaveLength(1);
    await refreshDailyRollups(siteId, timezone, days.rows.map((r) => r.day));
    await refreshHourlyRollups(siteId, ["2026-03-01"]);
    await expectRollupsMatchRaw(siteId, timezone);
    const left = await getPool().query("SELECT dimension FROM daily_stats WHERE site_id = $1 AND value IN ('IS', 'Reykjavik', 'Lynx', '/late-arrival')", [siteId]);
    expect(left.rows).toEqual([]);
  });

  it("stores hourly totals per UTC hour", async () => {
    const raw = await loadRaw(pool(), siteId);
    const { rows } = await pool().query<{ hour: string; visits: number; pageviews: number; visitors: number }>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') AS hour, visits, pageviews, visitors FROM hourly_stats WHERE site_id = $1`,
      [siteId],
    );
    const expected = new Map<string, { visits: number; pageviews: number; visitors: Set<number> }>();
    for (const v of raw.visits) {
      const hour = new Date(v.started).toISOString().slice(0, 13);
      const e = expected.get(hour) ?? { visits: 0, pageviews: 0, visitors: new Set() };
      e.visits += 1;
      e.pageviews += v.pageviews;
      e.visitors.add(v.visitor_id);
      expected.set(hour, e);
    }
    expect(new Map(rows.map((r) => [r.hour, { visits: r.visits, pageviews: r.pageviews, visitors: r.visitors }]))).toEqual(
      new Map([...expected].map(([h, e]) => [h, { visits: e.visits, pageviews: e.pageviews, visitors: e.visitors.size }])),
    );
  });
});

describe("rollup refresh", () => {
  it("survives concurrent refreshes of the same days without double counting", async () => {
    const { siteId } = await createSyntheticSite(pool(), { domain: "rollups-concurrent.example", timezone: "Europe/Berlin" });
    await insertSyntheticTraffic(pool(), { siteId, firstDay: "2026-04-06", days: 3, visitsPerDay: 60 });
    const days = ["2026-04-06", "2026-04-07", "2026-04-08", "2026-04-09"];
    await Promise.all([
      refreshDailyRollups(siteId, "Europe/Berlin", days),
      refreshDailyRollups(siteId, "Europe/Berlin", [...days].reverse()),
      refreshDailyRollups(siteId, "Europe/Berlin", days.slice(1)),
      rebuildSiteRollups(siteId),
    ]);
    await expectRollupsMatchRaw(siteId, "Europe/Berlin");
  });

  it("removes the rows of days whose data is gone, and re-attributes days after a time-zone change", async () => {
    const { siteId } = await createSyntheticSite(pool(), { domain: "rollups-moved.example", timezone: "Etc/UTC" });
    await insertSyntheticTraffic(pool(), { siteId, firstDay: "2026-05-30", days: 3, visitsPerDay: 50 });
    await rebuildSiteRollups(siteId);
    await pool().query("DELETE FROM visits WHERE site_id = $1 AND started_at >= '2026-06-01'", [siteId]);
    await pool().query("DELETE FROM events WHERE site_id = $1 AND ts >= '2026-06-01'", [siteId]);
    await pool().query("UPDATE sites SET timezone = 'Pacific/Auckland' WHERE id = $1", [siteId]);
    await rebuildSiteRollups(siteId);
    await expectRollupsMatchRaw(siteId, "Pacific/Auckland");
  });

  it("counts bounces and durations per visit", async () => {
    const { siteId } = await createSyntheticSite(pool(), { domain: "rollups-bounce.example", timezone: "Etc/UTC" });
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/", at: "2026-06-10T10:00:00Z" }] });
    await insertVisit(siteId, {
      id: 2,
      visitor: 2,
      pages: [{ path: "/", at: "2026-06-10T11:00:00Z" }],
      customEvents: [{ name: "Signup", at: "2026-06-10T11:00:40Z" }],
    });
    await insertVisit(siteId, {
      id: 3,
      visitor: 2,
      pages: [
        { path: "/", at: "2026-06-10T12:00:00Z" },
        { path: "/pricing", at: "2026-06-10T12:02:00Z" },
        { path: "/signup", at: "2026-06-10T12:05:30Z" },
      ],
    });
    await refreshDailyRollups(siteId, "Etc/UTC", ["2026-06-10"]);
    const { rows } = await pool().query(
      `SELECT dimension, value, visitors, visits, pageviews, bounces, duration_sum::int AS duration_sum, events FROM daily_stats
       WHERE site_id = $1 AND day = '2026-06-10' AND dimension IN ('total', 'page', 'event') ORDER BY dimension, value`,
      [siteId],
    );
    expect(rows).toEqual([
      { dimension: "event", value: "Signup", visitors: 1, visits: 1, pageviews: 1, bounces: 0, duration_sum: 40, events: 1 },
      { dimension: "page", value: "/", visitors: 2, visits: 3, pageviews: 3, bounces: 1, duration_sum: 370, events: 0 },
      { dimension: "page", value: "/pricing", visitors: 1, visits: 1, pageviews: 1, bounces: 0, duration_sum: 330, events: 0 },
      { dimension: "page", value: "/signup", visitors: 1, visits: 1, pageviews: 1, bounces: 0, duration_sum: 330, events: 0 },
      { dimension: "total", value: "", visitors: 2, visits: 3, pageviews: 5, bounces: 1, duration_sum: 370, events: 1 },
    ]);
  });

  it("puts an event at 03:30 UTC on the previous local day of a New York site", async () => {
    const { siteId } = await createSyntheticSite(pool(), { domain: "rollups-ny.example", timezone: "America/New_York" });
    await insertVisit(siteId, { id: 1, visitor: 1, pages: [{ path: "/late", at: "2026-03-10T03:30:00Z" }] });
    markDirty([{ siteId, timezone: "America/New_York", day: "2026-03-10" }]);
    await refreshDirtyRollups();
    const { rows } = await pool().query<{ day: string; dimension: string }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, dimension FROM daily_stats WHERE site_id = $1 AND dimension IN ('total', 'page')",
      [siteId],
    );
    expect(rows.map((r) => `${r.dimension}@${r.day}`).sort()).toEqual(["page@2026-03-09", "total@2026-03-09"]);
  });
});
