import { afterAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/account/delete-account";
import { closeAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma } from "@/lib/db/prisma";
import { deleteSite } from "@/lib/sites/sites";
import { insertVisit, rebuildSiteStats } from "@/tests/support/insert-visit";
import { countStored, readStored } from "@/tests/support/stored-rows";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";

// The privacy policy's promise on deletion, on the analytics engine under test (this file runs
// on Postgres and on ClickHouse): deleting a site, or the account that owns it, removes its
// events and visits at once — the very next read finds none — and leaves other sites alone.

afterAll(async () => {
  await closeAnalyticsStore();
  await closePool();
  await closePrisma();
});

const DAY = "2026-11-20";

async function siteWithTraffic(domain: string): Promise<{ userId: string; siteId: string }> {
  const site = await createSyntheticSite(getPool(), { domain, timezone: "Europe/Berlin" });
  for (let id = 1; id <= 3; id++) {
    await insertVisit(site.siteId, {
      id,
      visitor: 100 + id,
      pages: [{ path: "/", at: `${DAY}T10:0${id}:00Z` }, { path: "/pricing", at: `${DAY}T10:0${id}:30Z` }],
      customEvents: [{ name: "Signup", at: `${DAY}T10:0${id}:40Z` }],
    });
  }
  await rebuildSiteStats(site.siteId);
  return site;
}

describe("deleting analytics with their site or account", () => {
  it("removes a deleted site's events and visits at once and keeps the other site's", async () => {
    const kept = await siteWithTraffic(`kept-${Date.now()}.example`);
    const gone = await siteWithTraffic(`gone-${Date.now()}.example`);
    expect(await countStored(gone.siteId)).toBe(9);

    expect(await deleteSite(gone.userId, gone.siteId)).toBe(true);

    expect(await countStored(gone.siteId)).toBe(0);
    expect(await readStored(gone.siteId)).toEqual({ visits: [], events: [] });
    expect(await countStored(kept.siteId)).toBe(9);
    expect((await readStored(kept.siteId)).visits).toHaveLength(3);
  });

  it("removes every site's events and visits when their account is deleted", async () => {
    const other = await siteWithTraffic(`other-${Date.now()}.example`);
    const owner = await siteWithTraffic(`owner-${Date.now()}.example`);
    const { rows } = await getPool().query<{ id: string }>(
      "INSERT INTO sites (id, user_id, domain, timezone) VALUES ($1, $2, $3, 'Etc/UTC') RETURNING id",
      [`${owner.siteId}-second`, owner.userId, `second-${Date.now()}.example`],
    );
    const second = rows[0]!.id;
    await insertVisit(second, { id: 7, visitor: 7, pages: [{ path: "/", at: `${DAY}T12:00:00Z` }] });

    expect(await deleteAccount(owner.userId)).toBe(true);

    for (const siteId of [owner.siteId, second]) {
      expect(await countStored(siteId)).toBe(0);
      expect(await readStored(siteId)).toEqual({ visits: [], events: [] });
    }
    expect(await countStored(other.siteId)).toBe(9);
  });
});
