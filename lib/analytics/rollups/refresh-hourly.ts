import { isIsoDate } from "@/lib/analytics/dates";
import { getRollupPool } from "@/lib/db/pool";
import { rawHourlyRows, rawSourceCtes, type RawScope } from "./aggregate-sql";
import { METRIC_COLUMN_LIST as COLUMNS } from "./metric-columns";
import { inTransaction, lockSiteDay } from "./site-day-lock";

// Recomputes hourly_stats (totals per UTC hour, for the graph of a single day) for whole
// UTC days of one site. Hours are UTC so that a time-zone change needs no hourly rebuild.

const SCOPE: RawScope = { site: "$1::text", timezone: "'UTC'", from: "$2::date", to: "$2::date", conditions: [] };

const INSERT_DAY = `WITH ${rawSourceCtes(SCOPE)}
INSERT INTO hourly_stats (site_id, hour, ${COLUMNS})
SELECT $1::text, hour, ${COLUMNS} FROM (${rawHourlyRows(SCOPE)}) r`;

const DELETE_DAY = `DELETE FROM hourly_stats WHERE site_id = $1
  AND hour >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND hour < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`;

export async function refreshHourlyRollups(siteId: string, utcDays: string[]): Promise<void> {
  const days = [...new Set(utcDays)].sort();
  const bad = days.find((d) => !isIsoDate(d));
  if (bad) throw new Error(`refreshHourlyRollups: not a date: ${bad}`);
  if (days.length === 0) return;
  const client = await getRollupPool().connect();
  try {
    for (const day of days) {
      await inTransaction(client, async () => {
        await lockSiteDay(client, "hourly", siteId, day);
        await client.query(DELETE_DAY, [siteId, day]);
        await client.query(INSERT_DAY, [siteId, day]);
      });
    }
  } finally {
    client.release();
  }
}
