import type { ClickHouse } from "./clickhouse";

// Deleting sites (a site or an account deleted in Postgres): every row of theirs leaves
// every table at once, as the privacy policy promises. Lightweight DELETE masks the rows
// synchronously (gone from every read when it returns); merges drop the bytes later.

/** Every table that holds rows per site. */
export const SITE_TABLES = ["events", "visits", "visit_pages", "day_rows", "filter_day_rows", "day_rows_filled"] as const;

export async function deleteSites(ch: ClickHouse, siteIds: string[]): Promise<void> {
  if (siteIds.length === 0) return;
  for (const table of SITE_TABLES) {
    await ch.command(`DELETE FROM ${table} WHERE site_id IN {sites:Array(String)} SETTINGS lightweight_deletes_sync = 2`, { sites: siteIds });
  }
}
