import { inTransaction } from "@/lib/analytics/rollups/site-day-lock";
import { getWritePool } from "@/lib/db/pool";

// The sites' events, visits and rollups. Deleting a site row already removes them (foreign
// keys cascade), so after lib/sites and lib/account delete a site this finds nothing; it
// serves callers that empty a site but keep it (seeding it again).

const TABLES = ["events", "visits", "daily_stats", "daily_filter_stats", "hourly_stats"] as const;

export async function deleteSites(siteIds: string[]): Promise<void> {
  if (siteIds.length === 0) return;
  const client = await getWritePool().connect();
  try {
    await inTransaction(client, async () => {
      for (const table of TABLES) await client.query(`DELETE FROM ${table} WHERE site_id = ANY($1::text[])`, [siteIds]);
    });
  } finally {
    client.release();
  }
}
