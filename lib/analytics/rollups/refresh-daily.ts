import { isIsoDate } from "@/lib/analytics/dates";
import { getRollupPool } from "@/lib/db/pool";
import { KINDS, rawDailyRows, rawSourceCtes, type RawScope } from "./aggregate-sql";
import { refreshFilterRowsCtes, refreshPageFilterRowsSql } from "./filter-rows-sql";
import { addToGrains, DELETE_EMPTY_GRAINS, rowDelta } from "./grain-sql";
import { DAY_DIMENSIONS, monthStart, weekStart } from "./grains";
import { mapMetricColumns, METRIC_COLUMN_LIST as COLUMNS } from "./metric-columns";
import { inTransaction, lockSiteDay, lockSiteGrains } from "./site-day-lock";

// Recomputes daily_stats and daily_filter_stats for local days of one site, one transaction
// per site-day. One statement reads the day's visits and events once, groups them 16 ways
// (and per value of each low-cardinality filter, filter-rows-sql.ts), writes only the rows
// that changed, deletes the values that vanished, and adds the difference to the week and
// month rows — so refreshing today every few seconds writes little. A second statement does
// the same for the page filter's rows, a row per path each visit viewed.
//
// Both run with nested loops off. Their joins are of CTEs, whose sizes the planner cannot
// see, and of today's visits, which stale statistics (a day that began minutes ago) put at
// one row. Planned so, with nested loops over those "one-row" CTEs, the ingestion benchmark's
// first refresh took 2.7 s where hash joins take 1.6 s, one ran for over 20 s, and ingestion
// meanwhile fell to 7,806–8,343 events/s (9,165–9,551 with nested loops off; docs/benchmark.md).
// Hash joins are linear in their rows however wrong the estimates.

const SCOPE: RawScope = { site: "$1::text", timezone: "$2::text", from: "$3::date", to: "$3::date", conditions: [], manyKinds: true };
const CHANGED = `(${mapMetricColumns((c) => `daily_stats.${c}`)}) IS DISTINCT FROM (${mapMetricColumns((c) => `excluded.${c}`)})`;

const REFRESH_DAY = `WITH ${rawSourceCtes(SCOPE)},
computed AS MATERIALIZED (
  ${KINDS.map((kind) => `SELECT '${kind}'::text AS dimension, value, ${COLUMNS} FROM (${rawDailyRows(SCOPE, kind)}) r_${kind}`).join("\n  UNION ALL ")}
), old AS MATERIALIZED (
  SELECT dimension, value, ${COLUMNS} FROM daily_stats WHERE site_id = $1 AND dimension = ANY($6::text[]) AND day = $3::date
), written AS (
  INSERT INTO daily_stats (site_id, day, dimension, value, ${COLUMNS})
  SELECT $1::text, $3::date, dimension, value, ${COLUMNS} FROM computed
  ON CONFLICT (site_id, dimension, day, value) DO UPDATE SET ${mapMetricColumns((c) => `${c} = excluded.${c}`)}
  WHERE ${CHANGED}
), gone AS (
  DELETE FROM daily_stats d USING old o
  WHERE d.site_id = $1 AND d.dimension = o.dimension AND d.day = $3::date AND d.value = o.value
    AND NOT EXISTS (SELECT 1 FROM computed c WHERE c.dimension = o.dimension AND c.value = o.value)
), grains AS (
  ${addToGrains(rowDelta("computed", "old"), { site: "$1::text", week: "$4::date", month: "$5::date" })}
), ${refreshFilterRowsCtes(SCOPE, { site: "$1::text", day: "$3::date" })}
SELECT dimension, to_char(day, 'YYYY-MM-DD') AS day, value FROM grains WHERE visitors <= 0`;

const REFRESH_PAGE_FILTER_DAY = refreshPageFilterRowsSql(SCOPE, { site: "$1::text", day: "$3::date" });

export async function refreshDailyRollups(siteId: string, timezone: string, localDays: string[]): Promise<void> {
  const days = [...new Set(localDays)].sort();
  const bad = days.find((d) => !isIsoDate(d));
  if (bad) throw new Error(`refreshDailyRollups: not a date: ${bad}`);
  if (days.length === 0) return;
  const client = await getRollupPool().connect();
  try {
    for (const day of days) {
      await inTransaction(client, async () => {
        await lockSiteDay(client, "daily", siteId, day);
        await lockSiteGrains(client, siteId);
        await client.query("SET LOCAL enable_nestloop = off");
        const empty = await client.query<{ dimension: string; day: string; value: string }>(REFRESH_DAY, [
          siteId, timezone, day, weekStart(day), monthStart(day), DAY_DIMENSIONS,
        ]);
        await client.query(REFRESH_PAGE_FILTER_DAY, [siteId, timezone, day]);
        if (empty.rows.length > 0) {
          const rows = empty.rows;
          await client.query("SET LOCAL enable_nestloop = on"); // a few keys, looked up in the index
          await client.query(DELETE_EMPTY_GRAINS, [siteId, rows.map((r) => r.dimension), rows.map((r) => r.day), rows.map((r) => r.value)]);
        }
      });
    }
  } finally {
    client.release();
  }
}
