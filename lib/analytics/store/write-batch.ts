import { getWritePool } from "@/lib/db/pool";
import { EVENT_COLUMNS, insertFromArrays, selectFromArrays, VISIT_CHANGE_COLUMNS, VISIT_COLUMNS } from "./columns";
import type { EncodedBatch } from "./encode-batch";
import { sqlState } from "@/lib/db/sql-state";

// One flush = one transaction: the events, the visits they changed and the spool's
// watermark are committed together. So the visits table never counts pageviews that the
// events table lacks, and after a crash the spool replays exactly what this did not commit.
//
// The commit is synchronous (set here, whatever the server's default): it returns once the WAL is on disk, which
// costs one fsync a flush (about a second of events), and lets the spool delete what it
// covers. An asynchronous commit could vanish in a Postgres crash after the spool let go.
//
// Hash and merge joins are off: the only join, UPDATE_VISITS', must look a flush's few
// thousand visits up in the primary key. Planned freely, it read the whole visits table
// into a hash for each flush once the table held ~100,000 visits (a cost that grows with
// the table): 4,950 visits updated in 180 ms against 78–144 ms through the index, with
// 90,645 visits stored (EXPLAIN ANALYZE, the ingestion benchmark's database).
export const FLUSH_SETTINGS = "SET LOCAL synchronous_commit = on; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

const INSERT_EVENTS = insertFromArrays("events", EVENT_COLUMNS);

// Counters only grow, so the larger value wins: a batch retried after a later one
// (or written by a second instance) can never move a visit backwards.
const UPSERT_VISITS = `${insertFromArrays("visits", VISIT_COLUMNS)}
ON CONFLICT (site_id, visit_id) DO UPDATE SET
  ended_at = GREATEST(visits.ended_at, EXCLUDED.ended_at),
  exit_page = CASE WHEN EXCLUDED.ended_at >= visits.ended_at THEN EXCLUDED.exit_page ELSE visits.exit_page END,
  pageviews = GREATEST(visits.pageviews, EXCLUDED.pageviews),
  events = GREATEST(visits.events, EXCLUDED.events)`;

// The same rule for visits a previous flush stored. A row that is gone (its site was
// deleted) is simply not updated, never re-created.
export const UPDATE_VISITS = `UPDATE visits SET
  ended_at = GREATEST(visits.ended_at, u.ended_at),
  exit_page = CASE WHEN u.ended_at >= visits.ended_at THEN u.exit_page ELSE visits.exit_page END,
  pageviews = GREATEST(visits.pageviews, u.pageviews),
  events = GREATEST(visits.events, u.events)
FROM (${selectFromArrays(VISIT_CHANGE_COLUMNS)}) AS u
WHERE visits.site_id = u.site_id AND visits.visit_id = u.visit_id`;

// Never moves back: a retried batch cannot undo a later one's mark.
const MARK_SPOOL = `INSERT INTO ingest_spool_marks (spool_id, committed_seq, updated_at) VALUES ($1, $2, now())
ON CONFLICT (spool_id) DO UPDATE SET committed_seq = GREATEST(ingest_spool_marks.committed_seq, EXCLUDED.committed_seq), updated_at = now()`;

/** `spoolId`: the spool whose events these are, whose watermark moves to the batch's last seq. */
export async function writeBatch(batch: EncodedBatch, spoolId: string | null): Promise<void> {
  if (batch.eventParams === null && batch.visitParams === null && batch.visitChangeParams === null) return;
  const client = await getWritePool().connect();
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN; ${FLUSH_SETTINGS}`);
    try {
      // Named statements: parsed and planned once per connection, not once per flush.
      if (batch.eventParams) await client.query({ name: "ministat_insert_events", text: INSERT_EVENTS, values: batch.eventParams });
      if (batch.visitParams) await client.query({ name: "ministat_upsert_visits", text: UPSERT_VISITS, values: batch.visitParams });
      if (batch.visitChangeParams) await client.query({ name: "ministat_update_visits", text: UPDATE_VISITS, values: batch.visitChangeParams });
      if (spoolId !== null && batch.lastSeq > 0) await client.query({ name: "ministat_mark_spool", text: MARK_SPOOL, values: [spoolId, batch.lastSeq] });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } catch (error) {
    // A failure before or during ROLLBACK may leave the connection unusable: discard it.
    if (broken === undefined && sqlState(error) === null) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
