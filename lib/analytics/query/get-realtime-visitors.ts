import { readQuery } from "./read-query";

// Visitors seen in the last five minutes, from raw events (the rollups lag by a few seconds).

export const REALTIME_WINDOW_MINUTES = 5;

export async function getRealtimeVisitors(siteId: string): Promise<number> {
  const { rows } = await readQuery<{ visitors: number }>(
    `SELECT count(DISTINCT visitor_id)::int AS visitors FROM events
     WHERE site_id = $1 AND ts >= now() - make_interval(mins => $2)`,
    [siteId, REALTIME_WINDOW_MINUTES],
    { site: siteId },
  );
  return rows[0]?.visitors ?? 0;
}
