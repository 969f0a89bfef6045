import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeBatch } from "@/lib/analytics/store/encode-batch";
import { DeletedSitesError, FLUSH_SETTINGS, UPDATE_VISITS, writeBatch } from "@/lib/analytics/store/write-batch";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";

// The Postgres flush's statements (write-batch.ts), below the recovery that wraps them:
// - it checks its sites once, for the whole batch, and may then skip the per-row foreign-key
//   checks; so it must refuse a batch of a site that is gone, writing nothing of it;
// - its visit update finds each changed visit through the primary key: a flush changes a
//   few thousand visits of a table that holds millions. Planned freely, the update hashed
//   the whole visits table on every flush once it held ~100,000 rows.

const STORED_VISITS = 100_000;
const CHANGED_VISITS = 5_000;

let site: { userId: string; siteId: string };

beforeAll(async () => {
  const db = getPool();
  site = await createSyntheticSite(db, { domain: "write-plan.test", timezone: "UTC" });
  await db.query(
    `INSERT INTO visits (site_id, visit_id, visitor_id, started_at, ended_at, entry_page, exit_page, pageviews, events, source, channel, browser, os, device)
     SELECT $1, i, i, now() - interval '1 hour', now(), '/', '/', 1, 0, 'Direct / None', 'direct', 'Firefox', 'Linux', 'desktop'
     FROM generate_series(1, $2::int) i`,
    [site.siteId, STORED_VISITS],
  );
  await db.query("ANALYZE visits");
});

afterAll(async () => {
  await getPool().query("DELETE FROM users WHERE id = $1", [site.userId]);
  await closePool();
});

/** The plan of UPDATE_VISITS for CHANGED_VISITS of the site's visits, with `settings` set in its transaction. */
async function planOfUpdate(settings: string): Promise<string> {
  const ids = Array.from({ length: CHANGED_VISITS }, (_, i) => String(1 + i * 20));
  const params = [
    `{${ids.map(() => site.siteId).join(",")}}`,
    `{${ids.join(",")}}`,
    `{${ids.map(() => Date.now()).join(",")}}`,
    `{${ids.map(() => "/pricing").join(",")}}`,
    `{${ids.map(() => 2).join(",")}}`,
    `{${ids.map(() => 0).join(",")}}`,
  ];
  const client = await getPool().connect();
  try {
    await client.query(`BEGIN; ${settings}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${UPDATE_VISITS}`, params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** A one-pageview visit of `site`, as the ingestion pipeline hands it to a flush. */
function onePageview(site: SiteRef, visitId: number): { event: EventRecord; visit: VisitRecord } {
  const ts = Date.now();
  const ids = { visitId: String(visitId), visitorId: String(visitId) };
  const event: EventRecord = { seq: visitId, site, ts, name: "pageview", ...ids, pathname: "/flushed", props: null };
  const visit: VisitRecord = {
    site, ...ids, startedAt: ts, lastSeen: ts, entryPage: "/flushed", exitPage: "/flushed", pageviews: 1, events: 0,
    source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null,
    utmContent: null, utmTerm: null, country: null, region: null, city: null, browser: "Firefox", os: "Linux", device: "desktop",
  };
  return { event, visit };
}

const storedEvents = async (siteId: string) =>
  Number((await getPool().query<{ n: string }>("SELECT count(*) AS n FROM events WHERE site_id = $1", [siteId])).rows[0]?.n);

describe("the flush's site check", () => {
  it("writes a batch whose sites all exist", async () => {
    const a = onePageview({ siteId: site.siteId, domain: "write-plan.test", timezone: "UTC" }, 900_001);
    await writeBatch(encodeBatch({ events: [a.event], visits: [a.visit] }), null);
    expect(await storedEvents(site.siteId)).toBe(1);
  });

  it("refuses a batch with a site that is gone, and writes none of it", async () => {
    const gone: SiteRef = { siteId: "s_deleted_before_the_flush", domain: "gone.test", timezone: "UTC" };
    const a = onePageview({ siteId: site.siteId, domain: "write-plan.test", timezone: "UTC" }, 900_002);
    const b = onePageview(gone, 900_003);
    const refused = writeBatch(encodeBatch({ events: [a.event, b.event], visits: [a.visit, b.visit] }), null);
    await expect(refused).rejects.toBeInstanceOf(DeletedSitesError);
    await expect(refused).rejects.toMatchObject({ siteIds: [gone.siteId] });
    expect(await storedEvents(gone.siteId)).toBe(0);
    expect(await storedEvents(site.siteId)).toBe(1); // only the first test's event
  });
});

describe("the flush's visit update", () => {
  it("is a table scan when planned freely on this table (so the next check means something)", async () => {
    expect(await planOfUpdate("SET LOCAL synchronous_commit = on")).toMatch(/Seq Scan on visits/);
  });

  it("looks each changed visit up in the primary key under the flush's settings", async () => {
    const plan = await planOfUpdate(FLUSH_SETTINGS);
    expect(plan).toMatch(/Index Scan using visits_pkey on visits/);
    expect(plan).not.toMatch(/Seq Scan on visits/);
  });
});
