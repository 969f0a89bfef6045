import type { EventRecord, VisitRecord } from "./types";

// Accepted events and changed visits waiting for the next flush. Pure bookkeeping: the
// flusher decides when to take a batch. A failed batch is given back in front, so the
// order of events is kept and nothing is lost while Postgres is away.

/** Above this many events (waiting + being written) requests get 503: memory stays bounded (~200 B an event). */
export const MAX_BUFFERED_EVENTS = 200_000;

let maxBuffered = MAX_BUFFERED_EVENTS;

export type Batch = { events: EventRecord[]; visits: VisitRecord[] };

let events: EventRecord[] = [];
let visits: VisitRecord[] = [];
let inFlight = 0;

export function pushEvent(event: EventRecord, visit: VisitRecord): number {
  events.push(event);
  if (!visit.dirty) {
    visit.dirty = true;
    visits.push(visit);
  }
  return events.length;
}

export function isBufferFull(): boolean {
  return events.length + inFlight >= maxBuffered;
}

/** For tests: reach the limit without 200,000 requests. */
export function setMaxBufferedEvents(limit: number): void {
  maxBuffered = limit;
}

/** Events accepted but not yet committed (waiting or in the running flush). */
export function bufferedCount(): number {
  return events.length + inFlight;
}

export function waitingCount(): number {
  return events.length;
}

/** Events or visit changes wait to be written (a split batch can give back visits alone). */
export function hasWaiting(): boolean {
  return events.length > 0 || visits.length > 0;
}

// Everything waiting goes into one batch: the visits then match the events exactly,
// and a batch is at most the buffer limit in rows, a few seconds of writing at worst.
export function takeBatch(): Batch {
  const batch: Batch = { events, visits };
  events = [];
  visits = [];
  for (const visit of batch.visits) visit.dirty = false;
  inFlight += batch.events.length;
  return batch;
}

/**
 * The running flush is over: its events stop counting as in flight, and whatever could
 * not be written (all of it after a connection failure) goes back in front of what
 * arrived meanwhile, so the order of events is kept.
 */
export function finishBatch(batch: Batch, leftover: Batch | null): void {
  inFlight -= batch.events.length;
  if (leftover === null) return;
  events = leftover.events.concat(events);
  for (const visit of leftover.visits) {
    if (!visit.dirty) {
      visit.dirty = true;
      visits.push(visit);
    }
  }
}
