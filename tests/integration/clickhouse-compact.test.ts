import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClickHouseStore } from "@/lib/analytics/engines/clickhouse";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";
import { compactAfterBulkLoad } from "@/lib/analytics/engines/clickhouse/compact-tables";
import type { SiteRows } from "@/lib/analytics/analytics-store";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";

// After the bulk loads of a run (a seed, a copy of every site), the store merges each month's
// parts of the loaded tables into one (compact-tables.ts): the rows stay as they were, a
// visit's older versions go. It merges once, in finishBulkLoads, not in each site's rebuild:
// a merge rewrites whole months, with every site's rows in them.

let ch: ClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse();
});
afterAll(async () => {
  await ch?.close();
});

const SITE = "compact-site";

function rows(batch: number, pageviews: number): SiteRows {
  const startedAt = Date.parse("2026-10-15T10:00:00Z") + batch * 3_600_000;
  const attrs = { source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null };
  const visit = { visitId: String(batch), visitorId: "7", startedAt, endedAt: startedAt + 60_000, entryPage: "/", exitPage: "/", pageviews, events: 0, ...attrs, country: "DE", region: null, city: null, browser: "Firefox", os: "Linux", device: "desktop" };
  const events = Array.from({ length: pageviews }, (_, i) => ({ ts: startedAt + i * 1_000, name: "pageview", visitorId: "7", visitId: String(batch), pathname: `/p${i}`, props: null }));
  return { siteId: SITE, visits: [visit], events };
}

const partsOf = async (table: string, on: ClickHouse = ch) =>
  (await on.query<{ partition: string; parts: string }>(
    "SELECT partition, toString(count()) AS parts FROM system.parts WHERE active AND database = currentDatabase() AND table = {table:String} GROUP BY partition ORDER BY partition",
    { table },
  )).map((p) => `${p.partition}:${p.parts}`);

describe("compactAfterBulkLoad", () => {
  it("merges the parts of each month of the loaded tables into one, keeping every row", async () => {
    for (let batch = 1; batch <= 3; batch++) await bulkInsert(ch, rows(batch, batch));
    await bulkInsert(ch, rows(3, 4)); // a newer version of visit 3
    expect((await partsOf("events")).length).toBeGreaterThan(0);
    expect(await partsOf("events")).not.toEqual(["202610:1"]);

    await compactAfterBulkLoad(ch, () => {});
    for (const table of ["events", "visits", "visit_pages"]) expect(await partsOf(table), table).toEqual(["202610:1"]);
    const [events] = await ch.query<{ n: string }>("SELECT toString(count()) AS n FROM events WHERE site_id = {site:String}", { site: SITE });
    expect(events!.n).toBe(String(1 + 2 + 3 + 4));
    const visits = await ch.query<{ visit_id: string; pageviews: number }>("SELECT toString(visit_id) AS visit_id, pageviews FROM visits WHERE site_id = {site:String} ORDER BY visit_id", { site: SITE });
    expect(visits).toEqual([{ visit_id: "1", pageviews: 1 }, { visit_id: "2", pageviews: 2 }, { visit_id: "3", pageviews: 4 }]);
  });
});

describe("the ClickHouse store after bulk loads", () => {
  it("merges the parts once, in finishBulkLoads, and not in a site's rebuild", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ministat-ch-loads-"));
    /** The loaded tables' parts, read with the store closed (the embedded engine has one owner). */
    const partsAfter = async (run: (store: ReturnType<typeof createClickHouseStore>) => Promise<void>) => {
      const store = createClickHouseStore({ dataDir: dir });
      await store.open();
      await run(store);
      await store.close();
      const raw = await openClickHouse({ dataDir: dir });
      try {
        return await partsOf("events", raw);
      } finally {
        await raw.close();
      }
    };
    try {
      const loadTwoSites = async (store: ReturnType<typeof createClickHouseStore>) => {
        for (const site of ["site-a", "site-b"]) {
          for (let batch = 1; batch <= 2; batch++) await store.bulkInsert({ ...rows(batch, batch), siteId: site });
          await store.rebuildSite({ id: site, timezone: "UTC" });
        }
      };
      expect(await partsAfter(loadTwoSites)).not.toEqual(["202610:1"]);
      expect(await partsAfter(async (store) => {
        await loadTwoSites(store);
        await store.finishBulkLoads();
      })).toEqual(["202610:1"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
