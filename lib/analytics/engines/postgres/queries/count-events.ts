import { getPool } from "@/lib/db/pool";

// Every stored event of a site (operators, benchmarks, the zero-loss checks): a count over
// the (site_id, ts) index, not for dashboards.

export async function countEvents(siteId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: string }>("SELECT count(*) AS n FROM events WHERE site_id = $1", [siteId]);
  return Number(rows[0]?.n ?? 0);
}
