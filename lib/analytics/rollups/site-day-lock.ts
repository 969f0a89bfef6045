import type pg from "pg";

// Refreshers of the same site-day (two app instances, or the scheduler and a rebuild)
// queue behind transaction-scoped advisory locks instead of interleaving their DELETE +
// INSERT. Always taken in this order — the day, then the site's coarse grains — so two
// refreshers can never wait for each other in a circle.

export async function lockSiteDay(client: pg.PoolClient, table: "daily" | "hourly", siteId: string, day: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext($1), ($2::date - date '2000-01-01'))", [`${table}:${siteId}`, day]);
}

/** Guards the week and month rows of a site (see grains.ts). */
export async function lockSiteGrains(client: pg.PoolClient, siteId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext($1)::int8)", [`grains:${siteId}`]);
}

/** Runs `work` in its own transaction on `client`, rolling back on error. */
export async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
