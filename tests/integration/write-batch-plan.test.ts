import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLUSH_SETTINGS, UPDATE_VISITS } from "@/lib/analytics/store/write-batch";
import { closePool, getPool } from "@/lib/db/pool";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";

// How Postgres runs the ingestion flush's visit update: a flush changes a few thousand
// visits of a table that holds millions, so each must be found through the primary key.
// Planned freely, the update hashed the whole visits table on every flush once it held
// ~100,000 rows; the flush's settings (write-batch.ts) leave it the index.

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
