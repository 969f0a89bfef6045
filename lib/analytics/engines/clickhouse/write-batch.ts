import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { collectKeys } from "@/lib/analytics/store/encode-batch";
import type { Batch } from "@/lib/analytics/store/event-buffer";
import type { WriteOutcome } from "@/lib/analytics/analytics-store";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";
import type { ClickHouse } from "./clickhouse";
import { EVENTS_INSERT, eventKey, eventRowKey, eventsDedupToken, toEventRow, toVisitRow, VISITS_INSERT, type EventRow } from "./encode-rows";
import { insertRows } from "./insert-rows";
import { findLiveSites } from "./live-sites";
import { readSpoolMark, writeSpoolMark } from "./spool-mark";
import { markStored, markUnsure, SpoolProgressBook, withoutStoredEvents } from "./spool-progress";
import { readStoredVisits } from "./stored-visits";
import { mergeStored, snapshotVisits, VisitMemory, visitKey, type VisitState } from "./visit-states";

// The ClickHouse engine's ingestion writer: AnalyticsStore.write and readSpoolMark.
//
// Each event is written once, whatever the retries, without a transaction: events carry
// their spool id and seq, and the spool's mark (the highest seq up to which everything is
// stored) is written after the rows. Events at or below the mark are skipped. Above it, the
// writer knows which seqs may already be stored (spool-progress.ts): those of an insert whose
// outcome it does not know (a timeout, a connection lost mid-way, a block split over two
// month partitions of which one was written) and, after a start, the highest seq earlier
// runs stored. Only events in that window are looked up by (spool, seq, time) before the
// insert; in the normal run there are none and a flush asks nothing. Each insert also carries
// an insert_deduplication_token of its rows, so an identical insert still running on the
// server when its retry arrives is dropped there.
//
// Visits: one new row per changed visit and write, with its whole current state and
// version = pageviews + events (ReplacingMergeTree: the newest wins). Distinct pages and
// custom event names accumulate in memory per visit (visit-states.ts); a visit the writer
// has no memory of is first merged with its stored row, by the Postgres writer's rule.
//
// An events insert that failed may still complete later (a timeout only stops the wait: a
// stalled engine or a server runs the statement on). So the next write first sends exactly
// those rows again, with the same deduplication tokens, before anything else: ClickHouse keeps
// whichever copy commits first and drops the other, and the new batch leaves those events out.
//
// Rows of sites deleted meanwhile are dropped (Postgres holds the sites; ClickHouse has no
// foreign keys), a row ClickHouse cannot hold is dropped alone (insert-rows.ts), and any
// other failure gives the whole batch back as leftover: a retry writes only what is missing.

export type ClickHouseWriter = Pick<AnalyticsStore, "write" | "readSpoolMark">;

/** The rows of the last events insert whose outcome is unknown, to send again as they were. */
type UnsureInsert = { rows: EventRow[] | null };

export function createClickHouseWriter(ch: ClickHouse): ClickHouseWriter {
  const memory = new VisitMemory();
  const spools = new SpoolProgressBook(ch);
  const unsure: UnsureInsert = { rows: null };
  return {
    write: (batch, spoolId) => writeBatch(ch, memory, spools, unsure, batch, spoolId),
    readSpoolMark: (spoolId) => readSpoolMark(ch, spoolId),
  };
}

async function writeBatch(
  ch: ClickHouse,
  memory: VisitMemory,
  spools: SpoolProgressBook,
  unsure: UnsureInsert,
  batch: Batch,
  spoolId: string | null,
): Promise<WriteOutcome> {
  // Synchronously, before the first await: the visits keep counting new events meanwhile.
  const states = snapshotVisits(batch, memory);
  try {
    const resent = await resendUnsureInsert(ch, unsure);
    const kept = await withoutDeletedSites(batch, [...states.values()]);
    const progress = await spools.get(spoolId);
    const unstored = await withoutStoredEvents(ch, progress, kept.events);
    const events = resent.size === 0 ? unstored : unstored.filter((e) => !resent.has(eventKey(progress.spoolId, e.seq, e.ts)));
    const incomplete = kept.visits.filter((state) => !state.complete);
    if (incomplete.length > 0) {
      const stored = await readStoredVisits(ch, incomplete);
      for (const state of incomplete) mergeStored(state, stored.get(visitKey(state.values.site.siteId, state.values.visitId)));
    }

    markUnsure(progress, events);
    const eventRows = events.map((e) => toEventRow(e, progress.spoolId, states.get(visitKey(e.site.siteId, e.visitId))?.values ?? visitOfOrphan(e)));
    const refused = await insertRows(ch, EVENTS_INSERT, eventRows, eventsDedupToken).catch((error: unknown) => {
      unsure.rows = eventRows;
      throw error;
    });
    await insertRows(ch, VISITS_INSERT, kept.visits.map(toVisitRow));
    const lastSeq = batch.events.reduce((max, e) => Math.max(max, e.seq), 0);
    if (spoolId !== null && lastSeq > 0) await writeSpoolMark(ch, spoolId, lastSeq);
    markStored(progress, lastSeq);
    memory.remember(kept.visits);

    const keys = collectKeys({ events: kept.events, visits: kept.visits.map((state) => state.origin) });
    const deleted = batch.events.length - kept.events.length;
    return { stored: kept.events.length - refused.length, discarded: deleted + refused.length, keys, leftover: null, error: null };
  } catch (error) {
    return { stored: 0, discarded: 0, keys: [], leftover: batch, error };
  }
}

/** Sends the unsure insert's rows again, unchanged; the (spool, seq, time) of those rows. */
async function resendUnsureInsert(ch: ClickHouse, unsure: UnsureInsert): Promise<Set<string>> {
  const rows = unsure.rows;
  if (rows === null) return new Set();
  await insertRows(ch, EVENTS_INSERT, rows, eventsDedupToken);
  unsure.rows = null;
  return new Set(rows.map(eventRowKey));
}

async function withoutDeletedSites(batch: Batch, visits: VisitState[]): Promise<{ events: EventRecord[]; visits: VisitState[] }> {
  const ids = new Set<string>();
  for (const e of batch.events) ids.add(e.site.siteId);
  for (const v of batch.visits) ids.add(v.site.siteId);
  const alive = await findLiveSites([...ids]);
  if (alive.size === ids.size) return { events: batch.events, visits };
  const events = batch.events.filter((e) => alive.has(e.site.siteId));
  console.warn(`[ingest] dropped ${batch.events.length - events.length} events of ${ids.size - alive.size} deleted site(s)`);
  return { events, visits: visits.filter((state) => alive.has(state.values.site.siteId)) };
}

// Never the case for the flusher's or the replay's batches (each event's visit is in its
// batch); should it happen, the event is still written, with what it says of its visit.
function visitOfOrphan(e: EventRecord): VisitRecord {
  return {
    site: e.site, visitId: e.visitId, visitorId: e.visitorId, startedAt: e.ts, lastSeen: e.ts, entryPage: e.pathname, exitPage: e.pathname,
    pageviews: 0, events: 0, source: "", referrerHost: null, channel: "", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
    utmTerm: null, country: null, region: null, city: null, browser: "", os: "", device: "",
  };
}
