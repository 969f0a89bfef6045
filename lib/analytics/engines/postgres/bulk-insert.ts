import { visitIdRange, type BulkInsertOptions, type SiteRows, type StoredEvent, type StoredVisit } from "@/lib/analytics/analytics-store";
import { encodeColumns, EVENT_COLUMNS, insertFromArrays, VISIT_COLUMNS } from "@/lib/analytics/store/columns";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";
import { inTransaction } from "@/lib/analytics/rollups/site-day-lock";
import { getWritePool } from "@/lib/db/pool";

// Bulk load of a site's rows (copies between engines, test fixtures): the flush's column
// lists and unnest() statements, in one transaction, without spool or watermark. The
// rollups are not refreshed here: the caller rebuilds the site when the load is done.

const INSERT_VISITS = insertFromArrays("visits", VISIT_COLUMNS);
const INSERT_EVENTS = insertFromArrays("events", EVENT_COLUMNS);

export async function bulkInsert({ siteId, visits, events }: SiteRows, options: BulkInsertOptions = {}): Promise<void> {
  if (visits.length === 0 && events.length === 0) return;
  const site: SiteRef = { siteId, domain: "", timezone: "" };
  const range = options.replace ? visitIdRange(visits) : null;
  const client = await getWritePool().connect();
  try {
    await inTransaction(client, async () => {
      if (range) {
        for (const table of ["events", "visits"]) {
          await client.query(`DELETE FROM ${table} WHERE site_id = $1 AND visit_id BETWEEN $2::int8 AND $3::int8`, [siteId, range.min, range.max]);
        }
      }
      if (visits.length > 0) await client.query(INSERT_VISITS, encodeColumns(VISIT_COLUMNS, visits.map((v) => toVisitRecord(site, v))));
      if (events.length > 0) await client.query(INSERT_EVENTS, encodeColumns(EVENT_COLUMNS, events.map((e) => toEventRecord(site, e))));
    });
  } finally {
    client.release();
  }
}

function toVisitRecord(site: SiteRef, { endedAt, ...visit }: StoredVisit): VisitRecord {
  return { ...visit, site, lastSeen: endedAt };
}

function toEventRecord(site: SiteRef, event: StoredEvent): EventRecord {
  return { ...event, site, seq: 0 };
}
