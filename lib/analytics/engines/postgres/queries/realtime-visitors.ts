import { readQuery } from "@/lib/analytics/query/read-query";

// Visitors with an event since `since`, from raw events (the rollups lag by a few seconds).

export async function realtimeVisitors(siteId: string, since: Date): Promise<number> {
  const { rows } = await readQuery<{ visitors: number }>(
    "SELECT count(DISTINCT visitor_id)::int AS visitors FROM events WHERE site_id = $1 AND ts >= $2",
    [siteId, since],
    { site: siteId },
  );
  return rows[0]?.visitors ?? 0;
}
