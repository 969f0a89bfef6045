import { getPool } from "@/lib/db/pool";

// ClickHouse has no foreign keys: a site deleted after its events were accepted would keep
// rows there. Before each write the ClickHouse writer asks Postgres, where sites live,
// which of the batch's sites still exist.

/** The ids among `siteIds` whose site still exists. */
export async function findLiveSites(siteIds: readonly string[]): Promise<Set<string>> {
  if (siteIds.length === 0) return new Set();
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM sites WHERE id = ANY($1::text[])", [siteIds]);
  return new Set(rows.map((row) => row.id));
}

/** The time zones of the sites among `siteIds` that still exist. */
export async function findSiteZones(siteIds: readonly string[]): Promise<Array<{ id: string; timezone: string }>> {
  if (siteIds.length === 0) return [];
  const { rows } = await getPool().query<{ id: string; timezone: string }>("SELECT id, timezone FROM sites WHERE id = ANY($1::text[]) ORDER BY id", [siteIds]);
  return rows;
}
