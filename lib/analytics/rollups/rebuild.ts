import { getRollupPool } from "@/lib/db/pool";
import { REBUILD_GRAINS } from "./grain-sql";
import { COARSE_DIMENSIONS, DAY_DIMENSIONS } from "./grains";
import { refreshDailyRollups } from "./refresh-daily";
import { refreshHourlyRollups } from "./refresh-hourly";
import { inTransaction, lockSiteGrains } from "./site-day-lock";

// All rollups of one site, from scratch: after a time-zone change (local days move) or
// after bulk-loading data (demo seed, benchmark). Every day with data, and every day that
// still has rollup rows (daily_stats or daily_filter_stats), is refreshed in its own
// transaction as usual (so the dashboard never goes blank); then the week and month rows
// are recomputed from the days.

export type RebuildResult = { days: number; ms: number };

// A visit's events can run past midnight, so the day after each visit day is included.
const DAYS_SQL = `WITH d AS (
    SELECT DISTINCT (started_at AT TIME ZONE $2)::date AS local_day, (started_at AT TIME ZONE 'UTC')::date AS utc_day
    FROM visits WHERE site_id = $1
  ), x AS (SELECT local_day, utc_day FROM d UNION SELECT local_day + 1, utc_day + 1 FROM d)
  SELECT
    ARRAY(SELECT to_char(local_day, 'YYYY-MM-DD') FROM x UNION
          SELECT to_char(day, 'YYYY-MM-DD') FROM daily_stats WHERE site_id = $1 AND dimension = 'total' UNION
          SELECT DISTINCT to_char(day, 'YYYY-MM-DD') FROM daily_filter_stats WHERE site_id = $1) AS local_days,
    ARRAY(SELECT DISTINCT to_char(utc_day, 'YYYY-MM-DD') FROM x) AS utc_days`;

export async function rebuildSiteRollups(siteId: string): Promise<RebuildResult> {
  const started = performance.now();
  const pool = getRollupPool();
  const site = await pool.query<{ timezone: string }>("SELECT timezone FROM sites WHERE id = $1", [siteId]);
  const timezone = site.rows[0]?.timezone;
  if (!timezone) return { days: 0, ms: 0 };

  const { rows } = await pool.query<{ local_days: string[]; utc_days: string[] }>(DAYS_SQL, [siteId, timezone]);
  const localDays = rows[0]?.local_days ?? [];
  const utcDays = rows[0]?.utc_days ?? [];
  await refreshDailyRollups(siteId, timezone, localDays);
  await refreshHourlyRollups(siteId, utcDays);
  await pool.query(
    "DELETE FROM hourly_stats WHERE site_id = $1 AND NOT (to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') = ANY($2::text[]))",
    [siteId, utcDays],
  );
  await reconcileGrains(siteId);
  return { days: localDays.length, ms: Math.round(performance.now() - started) };
}

/** Recomputes a site's week and month rows from its day rows. */
export async function reconcileGrains(siteId: string): Promise<void> {
  const client = await getRollupPool().connect();
  try {
    await inTransaction(client, async () => {
      await lockSiteGrains(client, siteId);
      await client.query("DELETE FROM daily_stats WHERE site_id = $1 AND dimension = ANY($2::text[])", [siteId, COARSE_DIMENSIONS]);
      await client.query(REBUILD_GRAINS, [siteId, DAY_DIMENSIONS]);
    });
  } finally {
    client.release();
  }
}
