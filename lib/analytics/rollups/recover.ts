import { getRollupPool } from "@/lib/db/pool";
import { markDirty } from "./dirty-days";

// Dirty marks live in memory, so a crash between a flush and the next refresh would leave
// those days stale. At boot, mark the recent UTC days of every site that had visits then
// (one index probe per site, not a scan of visits).

export async function markRecentDaysDirty(days = 2, now = new Date()): Promise<number> {
  const { rows } = await getRollupPool().query<{ id: string; timezone: string; day: string }>(
    `SELECT s.id, s.timezone, to_char(d, 'YYYY-MM-DD') AS day
     FROM sites s
     CROSS JOIN generate_series(date_trunc('day', $1::timestamptz, 'UTC') - make_interval(days => $2 - 1),
                                date_trunc('day', $1::timestamptz, 'UTC'), interval '1 day') d
     WHERE EXISTS (SELECT 1 FROM visits v WHERE v.site_id = s.id
                   AND v.started_at >= date_trunc('day', $1::timestamptz, 'UTC') - make_interval(days => $2 - 1))`,
    [now.toISOString(), days],
  );
  markDirty(rows.map((r) => ({ siteId: r.id, timezone: r.timezone, day: r.day })));
  return rows.length;
}

/**
 * Marks the days whose rollups predate their page filter rows (daily_filter_stats with
 * filter 'page', added after daily_stats): days with visits (a total row), no such row and no
 * page_filter_gaps row (a day of custom events only is refreshed at each boot: harmless). Run at boot; the refresher
 * then fills them in the background, one site-day at a time; until then a page-filtered view
 * counts nothing on those days.
 */
export async function markDaysWithoutPageFilterRows(): Promise<number> {
  const { rows } = await getRollupPool().query<{ id: string; timezone: string; day: string }>(
    `SELECT s.id, s.timezone, to_char(d.day, 'YYYY-MM-DD') AS day
     FROM sites s
     JOIN daily_stats d ON d.site_id = s.id AND d.dimension = 'total'
     WHERE NOT EXISTS (SELECT 1 FROM daily_filter_stats f WHERE f.site_id = s.id AND f.day = d.day AND f.filter = 'page')
       AND NOT EXISTS (SELECT 1 FROM page_filter_gaps g WHERE g.site_id = s.id AND g.day = d.day)`,
  );
  markDirty(rows.map((r) => ({ siteId: r.id, timezone: r.timezone, day: r.day })));
  return rows.length;
}
