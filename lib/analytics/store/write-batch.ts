import type { PoolClient } from "pg";
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
// The sites come first: the flush locks the rows of its batch's sites (FOR KEY SHARE, as a
// foreign-key check does), so none of them can be deleted before it commits, and a batch
// with a site already gone is refused (DeletedSitesError; write-with-recovery.ts drops that
// site's events). Where the role may, the per-row foreign-key checks of the inserts are then
// skipped (session_replication_role = replica, a superuser as on the embedded Postgres): the
// lock has made them for the whole batch. They were 43–99 ms of a 9,000-event insert and
// 19–33 ms of 4,050 visits (EXPLAIN ANALYZE): 8–14 µs of Postgres CPU per event. The
// constraints stay, with their ON DELETE CASCADE. Replica mode skips every ordinary trigger
// of the flush's tables: a trigger on events or visits that must see the flush's rows has to
// be ENABLE ALWAYS (there is none today).
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

const LOCK_SITES = "SELECT id FROM sites WHERE id = ANY($1::text[]) FOR KEY SHARE";
const SKIP_ROW_CHECKS = "SET LOCAL session_replication_role = replica";

/** A batch refers to sites that no longer exist; nothing of it was written. */
export class DeletedSitesError extends Error {
  constructor(readonly siteIds: string[]) {
    super(`${siteIds.length} site(s) of the batch were deleted`);
    this.name = "DeletedSitesError";
  }
}

/** `spoolId`: the spool whose events these are, whose watermark moves to the batch's last seq. */
export async function writeBatch(batch: EncodedBatch, spoolId: string | null): Promise<void> {
  if (batch.eventParams === null && batch.visitParams === null && batch.visitChangeParams === null) return;
  const client = await getWritePool().connect();
  let broken: Error | undefined;
  try {
    const skipRowChecks = await maySkipRowChecks(client);
    await client.query(`BEGIN; ${FLUSH_SETTINGS}${skipRowChecks ? `; ${SKIP_ROW_CHECKS}` : ""}`);
    try {
      const { rows } = await client.query<{ id: string }>({ name: "ministat_lock_sites", text: LOCK_SITES, values: [batch.siteIds] });
      if (rows.length < batch.siteIds.length) {
        const alive = new Set(rows.map((row) => row.id));
        throw new DeletedSitesError(batch.siteIds.filter((id) => !alive.has(id)));
      }
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
    if (broken === undefined && sqlState(error) === null && !(error instanceof DeletedSitesError)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

let rowChecksSkippable: Promise<boolean> | null = null;

/** Whether the write pool's role may set session_replication_role (asked once, on the first flush). */
function maySkipRowChecks(client: PoolClient): Promise<boolean> {
  rowChecksSkippable ??= client.query<{ superuser: boolean }>("SELECT current_setting('is_superuser') = 'on' AS superuser").then(
    ({ rows }) => rows[0]?.superuser === true,
    (error: unknown) => {
      rowChecksSkippable = null; // ask again on the next flush
      throw error;
    },
  );
  return rowChecksSkippable;
}
