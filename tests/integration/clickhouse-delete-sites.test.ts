import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import { deleteSites, SITE_TABLES } from "@/lib/analytics/engines/clickhouse/delete-sites";
import { breakdown } from "@/lib/analytics/engines/clickhouse/queries/breakdown";
import type { SiteRows } from "@/lib/analytics/analytics-store";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";

// Deleting a site or an account removes its rows from every ClickHouse table at once (the
// privacy policy's promise): no read after deleteSites returns sees them. Other sites keep theirs.

let ch: ClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse();
});
afterAll(async () => {
  await ch?.close();
});

function siteRows(siteId: string, visits: number): SiteRows {
  const start = Date.parse("2026-06-01T10:00:00Z");
  const attrs = { source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null };
  const where = { country: "DE", region: null, city: null, browser: "Firefox", os: "Linux", device: "desktop" };
  return {
    siteId,
    visits: Array.from({ length: visits }, (_, i) => ({
      visitId: String(i + 1),
      visitorId: String(100 + i),
      startedAt: start + i * 60_000,
      endedAt: start + i * 60_000 + 30_000,
      entryPage: "/",
      exitPage: "/b",
      pageviews: 2,
      events: 0,
      ...attrs,
      ...where,
    })),
    events: Array.from({ length: visits }, (_, i) => [
      { ts: start + i * 60_000, name: "pageview", visitorId: String(100 + i), visitId: String(i + 1), pathname: "/", props: null },
      { ts: start + i * 60_000 + 30_000, name: "pageview", visitorId: String(100 + i), visitId: String(i + 1), pathname: "/b", props: null },
    ]).flat(),
  };
}

// Every table with a site_id column, so a table added later cannot be forgotten here.
async function siteTables(): Promise<string[]> {
  // Tables, not the views that write into them (visit_pages_from_events).
  const rows = await ch.query<{ table: string }>(`SELECT c.table AS table FROM system.columns AS c
    JOIN system.tables AS t ON t.database = c.database AND t.name = c.table
    WHERE c.database = currentDatabase() AND c.name = 'site_id' AND t.engine NOT LIKE '%View' ORDER BY table`);
  return rows.map((r) => r.table);
}

async function rowsOf(siteId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await siteTables()) {
    const [row] = await ch.query<{ n: number }>(`SELECT toUInt32(count()) AS n FROM ${table} WHERE site_id = {site:String}`, { site: siteId });
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

describe("deleteSites", () => {
  it("covers every table that holds site rows", async () => {
    expect([...SITE_TABLES].sort()).toEqual(await siteTables());
  });

  it("removes the sites' rows from every table at once and keeps the others'", async () => {
    await bulkInsert(ch, siteRows("gone-1", 30));
    await bulkInsert(ch, siteRows("gone-2", 5));
    await bulkInsert(ch, siteRows("kept", 20));
    // A view of the (past) day keeps its day rows (day-rows-cache.ts): those go too.
    for (const site of ["gone-1", "gone-2", "kept"]) {
      const q = { site: { id: site, timezone: "UTC" }, range: { period: "custom" as const, from: "2026-06-01", to: "2026-06-01", interval: "hour" as const }, filters: {} };
      expect((await breakdown(ch, q, "page"))[0]).toMatchObject({ value: "/" });
    }
    const kept = await rowsOf("kept");
    expect(Object.values(await rowsOf("gone-1")).every((n) => n > 0)).toBe(true);

    await deleteSites(ch, ["gone-1", "gone-2"]);

    for (const site of ["gone-1", "gone-2"]) expect(Object.values(await rowsOf(site)).every((n) => n === 0), site).toBe(true);
    expect(await rowsOf("kept")).toEqual(kept);
    expect(kept.events).toBe(40);
    await deleteSites(ch, []);
    expect(await rowsOf("kept")).toEqual(kept);
  });
});
