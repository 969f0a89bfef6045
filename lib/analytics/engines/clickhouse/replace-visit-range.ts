import { visitIdRange, type StoredVisit } from "@/lib/analytics/analytics-store";
import type { ClickHouse } from "./clickhouse";

// Before a bulk insert that replaces (a copy batch written again after a crash): the stored
// rows of the site whose visit ids lie in the batch's range go first, so the batch counts once.

export async function deleteVisitRange(ch: ClickHouse, siteId: string, visits: readonly StoredVisit[]): Promise<void> {
  const range = visitIdRange(visits);
  if (!range) return;
  for (const table of ["events", "visits"]) {
    await ch.command(
      `DELETE FROM ${table} WHERE site_id = {site:String} AND visit_id BETWEEN {min:Int64} AND {max:Int64} SETTINGS lightweight_deletes_sync = 2`,
      { site: siteId, min: range.min, max: range.max },
    );
  }
}
