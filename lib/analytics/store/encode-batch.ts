import { utcDay } from "@/lib/analytics/ingest/utc-day";
import { encodeColumns, EVENT_COLUMNS, VISIT_COLUMNS } from "./columns";
import type { Batch } from "./event-buffer";
import type { FlushKey } from "./types";

// Turns a batch into the parameters of the two statements of a flush. Runs synchronously
// when the flush starts, so the visits' counters are read in one consistent instant even
// though new events keep updating those objects while the write is under way.

export type EncodedBatch = {
  eventParams: string[] | null;
  visitParams: string[] | null;
  keys: FlushKey[];
};

export function encodeBatch(batch: Batch): EncodedBatch {
  return {
    eventParams: batch.events.length === 0 ? null : encodeColumns(EVENT_COLUMNS, batch.events),
    visitParams: batch.visits.length === 0 ? null : encodeColumns(VISIT_COLUMNS, batch.visits),
    keys: collectKeys(batch),
  };
}

// The (site, UTC day) pairs the rollups must recompute: the days of the events, and the
// start days of the visits (a visit counts on the day it started, which may be earlier).
function collectKeys({ events, visits }: Batch): FlushKey[] {
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
