import type { WriteOutcome } from "@/lib/analytics/analytics-store";
import { markDirty } from "@/lib/analytics/rollups";
import { describeDbError, sqlState } from "@/lib/db/sql-state";
import { encodeBatch } from "./encode-batch";
import type { Batch } from "./event-buffer";
import type { FlushKey } from "@/lib/analytics/types";
import { DeletedSitesError, writeBatch } from "./write-batch";

// Writes a batch and copes with the two ways a batch can be refused for good, so that
// one bad row can never block ingestion forever:
// - a site deleted after its events were accepted (found missing by the flush): its
//   events are dropped and the rest is written;
// - a row Postgres cannot hold (a data or constraint error): the batch is split in
//   halves until the offending row is alone, and that row is dropped.
// Anything else (Postgres down, connection lost) leaves the unwritten part as `leftover`
// for the flusher to retry later.


/**
 * Tells the rollups which (site, UTC day) pairs a write committed, so that the refresher
 * recomputes them. Called by the flusher and the spool replay with an outcome's keys; a
 * failure here is logged and never fails or repeats the write.
 */
export function markWrittenDays(keys: readonly FlushKey[]): void {
  if (keys.length === 0) return;
  try {
    markDirty(keys);
  } catch (error) {
    console.error(`[ingest] marking written days for the rollups failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Class 21 (cardinality), 22 (data exception), 23 (integrity constraint).
const REFUSED_ROWS = /^2[123]/;

export async function writeWithRecovery(batch: Batch, spoolId: string | null): Promise<WriteOutcome> {
  const encoded = encodeBatch(batch);
  try {
    await writeBatch(encoded, spoolId);
    markStored(batch);
    return { stored: batch.events.length, discarded: 0, keys: encoded.keys, leftover: null, error: null };
  } catch (error) {
    if (error instanceof DeletedSitesError) return writeWithoutSites(batch, spoolId, new Set(error.siteIds));
    const state = sqlState(error);
    if (state !== null && REFUSED_ROWS.test(state)) return bisect(batch, spoolId, error);
    return { stored: 0, discarded: 0, keys: [], leftover: batch, error };
  }
}

// The flush found these sites deleted (it locks a batch's sites before writing, so none can
// go while it writes): their events are dropped, the rest is written.
async function writeWithoutSites(batch: Batch, spoolId: string | null, gone: ReadonlySet<string>): Promise<WriteOutcome> {
  const kept: Batch = {
    events: batch.events.filter((e) => !gone.has(e.site.siteId)),
    visits: batch.visits.filter((v) => !gone.has(v.site.siteId)),
  };
  const discarded = batch.events.length - kept.events.length;
  console.warn(`[ingest] dropped ${discarded} events of ${gone.size} deleted site(s)`);
  const rest = await writeWithRecovery(kept, spoolId);
  return { ...rest, discarded: rest.discarded + discarded };
}

async function bisect(batch: Batch, spoolId: string | null, error: unknown): Promise<WriteOutcome> {
  const rows = batch.events.length + batch.visits.length;
  if (rows <= 1) {
    console.error(`[ingest] Postgres refused one ${batch.events.length === 1 ? "event" : "visit"}; dropped it: ${describeDbError(error)}`);
    return { stored: 0, discarded: batch.events.length, keys: [], leftover: null, error: null };
  }
  const e = Math.ceil(batch.events.length / 2);
  const v = Math.ceil(batch.visits.length / 2);
  const first: Batch = { events: batch.events.slice(0, e), visits: batch.visits.slice(0, v) };
  const second: Batch = { events: batch.events.slice(e), visits: batch.visits.slice(v) };
  const a = await writeWithRecovery(first, spoolId);
  if (a.leftover !== null) {
    const leftover = { events: a.leftover.events.concat(second.events), visits: a.leftover.visits.concat(second.visits) };
    return { ...a, leftover };
  }
  const b = await writeWithRecovery(second, spoolId);
  return { stored: a.stored + b.stored, discarded: a.discarded + b.discarded, keys: a.keys.concat(b.keys), leftover: b.leftover, error: b.error };
}

// Committed: from now on these visits' rows exist, and later flushes only update them.
function markStored(batch: Batch): void {
  for (const visit of batch.visits) visit.stored = true;
}
