import { utcDay } from "@/lib/analytics/dates";
import { encodeColumns, EVENT_COLUMNS, VISIT_CHANGE_COLUMNS, VISIT_COLUMNS } from "./columns";
import type { Batch } from "./event-buffer";
import type { FlushKey } from "@/lib/analytics/types";

// Turns a batch into the parameters of the (up to) three statements of a flush: events,
// visits seen for the first time (all columns), and visits already stored (what changes). Runs synchronously
// when the flush starts, so the visits' counters are read in one consistent instant even
// though new events keep updating those objects while the write is under way.

export type EncodedBatch = {
  eventParams: string[] | null;
  /** Visits without a row yet: every column. */
  visitParams: string[] | null;
  /** Visits whose row a previous flush committed: VISIT_CHANGE_COLUMNS only. */
  visitChangeParams: string[] | null;
  keys: FlushKey[];
  /** The sites of the batch's events and visits, each once. */
  siteIds: string[];
  /** The seq of the batch's last event (events are in seq order); 0 without events. */
  lastSeq: number;
};

export function encodeBatch(batch: Batch): EncodedBatch {
  const fresh = batch.visits.filter((visit) => !visit.stored);
  const stored = fresh.length === batch.visits.length ? [] : batch.visits.filter((visit) => visit.stored);
  const keys = collectKeys(batch);
  return {
    eventParams: batch.events.length === 0 ? null : encodeColumns(EVENT_COLUMNS, batch.events),
    visitParams: fresh.length === 0 ? null : encodeColumns(VISIT_COLUMNS, fresh),
    visitChangeParams: stored.length === 0 ? null : encodeColumns(VISIT_CHANGE_COLUMNS, stored),
    keys,
    siteIds: [...new Set(keys.map((key) => key.siteId))],
    lastSeq: batch.events.length === 0 ? 0 : batch.events[batch.events.length - 1]!.seq,
  };
}

/**
 * The (site, UTC day) pairs the rollups must recompute: the days of the events, and the
 * start days of the visits (a visit counts on the day it started, which may be earlier).
 * Every engine's writer reports them (WriteOutcome.keys).
 */
export function collectKeys({ events, visits }: Batch): FlushKey[] {
  const keys = new Map<string, FlushKey>();
  let lastSite = "";
  let lastDay = "";
  const add = (siteId: string, timezone: string, ms: number) => {
    const day = utcDay(ms);
    // Runs of one site on one day are the norm; skip building a key for each event.
    if (siteId === lastSite && day === lastDay) return;
    lastSite = siteId;
    lastDay = day;
    const id = `${siteId}|${day}`;
    if (!keys.has(id)) keys.set(id, { siteId, timezone, day });
  };
  for (const e of events) add(e.site.siteId, e.site.timezone, e.ts);
  for (const v of visits) add(v.site.siteId, v.site.timezone, v.startedAt);
  return [...keys.values()];
}
