import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { copySite } from "@/lib/analytics/copy-site";
import { createClickHouseStore } from "@/lib/analytics/engines/clickhouse";
import { createPostgresStore } from "@/lib/analytics/engines/postgres";
import { buildStatsQuery, parseStatsParams } from "@/lib/analytics/query";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import { DIMENSIONS, type GoalDefinition, type StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { insertVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";

// Moving a site from Postgres to ClickHouse (npm run analytics:copy): every event and visit
// arrives once, a copy stopped half-way resumes without doubling anything, a finished copy is
// not repeated, and the dashboard shows the same numbers before and after the switch.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "ministat-copy-"));
const postgres = createPostgresStore();
let clickhouse: AnalyticsStore;
let site: { id: string; timezone: string };
const GOALS: GoalDefinition[] = [
  { id: "g1", eventName: "Signup", pagePath: null },
  { id: "g2", eventName: null, pagePath: "/pricing" },
];

beforeAll(async () => {
  const created = await createSyntheticSite(getPool(), { domain: `copy-${Date.now()}.example`, timezone: "Europe/Berlin" });
  site = { id: created.siteId, timezone: "Europe/Berlin" };
  await insertSyntheticTraffic(getPool(), { siteId: site.id, firstDay: "2026-10-01", days: 45, visitsPerDay: 40 });
  // A value that needs escaping on the way, and a visit with custom events.
  await insertVisit(site.id, {
    id: 99_000_001,
    visitor: 7,
    pages: [{ path: "/it's \\ {x:String}", at: "2026-11-10T09:00:00Z" }, { path: "/pricing", at: "2026-11-10T09:01:00Z" }],
    customEvents: [{ name: "Signup", at: "2026-11-10T09:02:00Z" }],
  });
  await rebuildSiteRollups(site.id);
  clickhouse = createClickHouseStore({ dataDir });
  await clickhouse.open();
});

afterAll(async () => {
  await clickhouse?.close();
  rmSync(dataDir, { recursive: true, force: true });
  // The synthetic traffic and its rollups go with the site (tests/README.md: later files may read every row).
  if (site) await getPool().query("DELETE FROM sites WHERE id = $1", [site.id]);
  await closePool();
  await closePrisma();
});

function view(search: string): StatsQuery {
  return buildStatsQuery(site, parseStatsParams(new URLSearchParams(`period=custom&from=2026-10-01&to=2026-11-14&${search}`)));
}

/** What a dashboard shows of a view: top stats, graph, every panel, goals. */
async function dashboard(store: AnalyticsStore, q: StatsQuery) {
  const [totals, graph, goals, ...panels] = await Promise.all([
    store.totals(q, q.range),
    store.timeseries(q),
    store.goalConversions(q, GOALS),
    ...DIMENSIONS.map((dimension) => store.breakdown(q, dimension, { limit: 10 })),
  ]);
  return { totals, graph, goals, panels };
}

describe("analytics:copy from Postgres to ClickHouse", () => {
  it("resumes a stopped copy without doubling anything, then skips the finished site", async () => {
    let pages = 0;
    const stopped = copySite({
      from: postgres,
      to: clickhouse,
      site,
      pageVisits: 300,
      onProgress: () => {
        if (++pages === 3) throw new Error("interrupted");
      },
    });
    await expect(stopped).rejects.toThrow("interrupted");
    const partial = await clickhouse.countEvents(site.id);
    expect(partial).toBeGreaterThan(0);

    const resumed = await copySite({ from: postgres, to: clickhouse, site, pageVisits: 300 });
    expect(resumed).toMatchObject({ skipped: false, resumed: true });
    expect(resumed.targetEvents).toBe(resumed.sourceEvents);
    expect(resumed.sourceEvents).toBe(await postgres.countEvents(site.id));

    const again = await copySite({ from: postgres, to: clickhouse, site });
    expect(again).toMatchObject({ skipped: true, targetEvents: resumed.sourceEvents });
    const saved = await prisma.analyticsCopy.findUniqueOrThrow({ where: { siteId_engine: { siteId: site.id, engine: "clickhouse" } } });
    expect(saved.finishedAt).not.toBeNull();
  });

  it("shows the same dashboard on both engines after the copy, unfiltered and filtered", async () => {
    for (const search of ["", "country=DE", "page=%2Fpricing", "country=DE&page=%2Fpricing", "event=Signup"]) {
      const q = view(search);
      expect(await dashboard(clickhouse, q), search || "unfiltered").toEqual(await dashboard(postgres, q));
    }
  }, 120_000);

  it("copies again from the start with --restart, still once", async () => {
    const result = await copySite({ from: postgres, to: clickhouse, site, restart: true, pageVisits: 1000 });
    expect(result).toMatchObject({ skipped: false, resumed: false, refused: false });
    expect(result.targetEvents).toBe(result.sourceEvents);
  });
});

describe("analytics:copy to an engine that already holds some of a site's events", () => {
  let other: { id: string; timezone: string };

  beforeAll(async () => {
    const created = await createSyntheticSite(getPool(), { domain: `copy-live-${Date.now()}.example`, timezone: "Europe/Berlin" });
    other = { id: created.siteId, timezone: "Europe/Berlin" };
    await insertVisit(other.id, { id: 98_000_001, visitor: 1, pages: [{ path: "/", at: "2026-11-01T09:00:00Z" }, { path: "/pricing", at: "2026-11-01T09:01:00Z" }] });
  });

  afterAll(async () => {
    if (other) await getPool().query("DELETE FROM sites WHERE id = $1", [other.id]);
  });

  /** A visit of `count` pageviews written to ClickHouse alone, as the app does once it runs on that engine. */
  async function ingestedOnClickHouse(visitId: string, count: number): Promise<void> {
    const { visits } = await postgres.readSite(other.id, null, 1);
    const visit = { ...visits[0]!, visitId, pageviews: count, startedAt: Date.parse("2026-12-01T10:00:00Z"), endedAt: Date.parse("2026-12-01T10:05:00Z") };
    const events = Array.from({ length: count }, (_, i) => ({ ts: visit.startedAt + i * 1000, name: "pageview", visitorId: visit.visitorId, visitId, pathname: `/live-${i}`, props: null }));
    await clickhouse.bulkInsert({ siteId: other.id, visits: [visit], events });
  }

  it("leaves the site untouched, and --replace copies over the rows it holds", async () => {
    await ingestedOnClickHouse("98000100", 3);
    const refused = await copySite({ from: postgres, to: clickhouse, site: other });
    expect(refused).toMatchObject({ refused: true, skipped: false, sourceEvents: 2, targetEvents: 3 });
    expect(await clickhouse.countEvents(other.id)).toBe(3);
    expect(await prisma.analyticsCopy.findUnique({ where: { siteId_engine: { siteId: other.id, engine: "clickhouse" } } })).toBeNull();

    const replaced = await copySite({ from: postgres, to: clickhouse, site: other, replace: true });
    expect(replaced).toMatchObject({ refused: false, sourceEvents: 2, targetEvents: 2, events: 2 });
  });

  it("refuses --restart once the engine holds events the finished copy did not write", async () => {
    await ingestedOnClickHouse("98000200", 4);
    const restarted = await copySite({ from: postgres, to: clickhouse, site: other, restart: true });
    expect(restarted).toMatchObject({ refused: true, targetEvents: 6 });
    expect(await clickhouse.countEvents(other.id)).toBe(6);
    const skipped = await copySite({ from: postgres, to: clickhouse, site: other });
    expect(skipped).toMatchObject({ skipped: true, refused: false, events: 2, targetEvents: 6 });
  });
});
