import { getPool } from "@/lib/db/pool";
import type { ClickHouse } from "./clickhouse";
import { deleteSites, SITE_TABLES } from "./delete-sites";

// At start: the rows of sites that no longer exist in Postgres. A site's analytics are deleted
// right after Postgres commits the site's deletion; if the app died in between, or ClickHouse
// was unreachable then, this finds them. Returns how many sites it purged.

export async function purgeDeletedSites(ch: ClickHouse): Promise<number> {
  const stored = new Set<string>();
  for (const table of SITE_TABLES) {
    const rows = await ch.query<{ site_id: string }>(`SELECT DISTINCT site_id FROM ${table} LIMIT 1000000`);
    for (const row of rows) stored.add(row.site_id);
  }
  if (stored.size === 0) return 0;
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM sites WHERE id = ANY($1::text[])", [[...stored]]);
  const live = new Set(rows.map((row) => row.id));
  const gone = [...stored].filter((id) => !live.has(id));
  await deleteSites(ch, gone);
  return gone.length;
}
