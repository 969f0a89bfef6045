import { getPool } from "@/lib/db/pool";
import { EVENT_COLUMNS, insertFromArrays, VISIT_COLUMNS } from "./columns";
import type { EncodedBatch } from "./encode-batch";
import { sqlState } from "./sql-state";

// One flush = one transaction: the events and the visits they changed are committed
// together, so the visits table never counts pageviews that the events table lacks.
//
// synchronous_commit is off for this transaction only: the commit returns before the
// WAL reaches the disk. Postgres stays consistent, but an OS crash or power loss can
// lose the last ~0.6 s (3 × wal_writer_delay) of committed analytics. That is the price
// of not waiting for an fsync every second; accounts and billing keep full durability.

const INSERT_EVENTS = insertFromArrays("events", EVENT_COLUMNS);

// Counters only grow, so the larger value wins: a batch retried after a later one
// (or written by a second instance) can never move a visit backwards.
const UPSERT_VISITS = `${insertFromArrays("visits", VISIT_COLUMNS)}
ON CONFLICT (site_id, visit_id) DO UPDATE SET
  ended_at = GREATEST(visits.ended_at, EXCLUDED.ended_at),
  exit_page = CASE WHEN EXCLUDED.ended_at >= visits.ended_at THEN EXCLUDED.exit_page ELSE visits.exit_page END,
  pageviews = GREATEST(visits.pageviews, EXCLUDED.pageviews),
  events = GREATEST(visits.events, EXCLUDED.events)`;

export async function writeBatch(batch: EncodedBatch): Promise<void> {
  if (batch.eventParams === null && batch.visitParams === null) return;
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN; SET LOCAL synchronous_commit = off");
    try {
      // Named statements: parsed and planned once per connection, not once per flush.
      if (batch.eventParams) await client.query({ name: "ministat_insert_events", text: INSERT_EVENTS, values: batch.eventParams });
      if (batch.visitParams) await client.query({ name: "ministat_upsert_visits", text: UPSERT_VISITS, values: batch.visitParams });
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
