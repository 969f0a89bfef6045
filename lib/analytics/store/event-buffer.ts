import type { EventRecord, VisitRecord } from "@/lib/analytics/types";

// Accepted events and changed visits waiting for the next flush. Pure bookkeeping: the
// flusher decides when to take a batch. A failed batch is given back in front, so the
// order of events (their seq) is kept and nothing is lost while Postgres is away.

/** Above this many events (waiting + being written) requests get 503: memory stays bounded (~200 B an event). */
export const MAX_BUFFERED_EVENTS = 200_000;

/**
 * A visit as the writer keeps it: the flags are the writer's bookkeeping, set on the ingest
 * object the first time the buffer or a commit touches it (absent = false). Only store/
 * reads or sets them.
 */
export type BufferedVisit = VisitRecord & {
  /** True while the visit waits in the buffer's set of changed visits. */
  dirty?: boolean;
  /** True once a flush committed its row: later flushes then send only the columns that change. */
  stored?: boolean;
};

export type Batch = { events: EventRecord[]; visits: BufferedVisit[] };

export class EventBuffer {
  private events: EventRecord[] = [];
  private visits: BufferedVisit[] = [];
  private inFlight = 0;

  constructor(public maxBuffered = MAX_BUFFERED_EVENTS) {}

  /** Adds an event and lists its visit as changed (once per batch); returns the events waiting. */
  push(event: EventRecord, visit: BufferedVisit): number {
    this.events.push(event);
    if (!visit.dirty) {
      visit.dirty = true;
      this.visits.push(visit);
    }
    return this.events.length;
  }

  isFull(): boolean {
    return this.events.length + this.inFlight >= this.maxBuffered;
  }

  /** Events accepted but not yet committed (waiting or in the running flush). */
  bufferedCount(): number {
    return this.events.length + this.inFlight;
  }

  waitingCount(): number {
    return this.events.length;
  }

  /** Events or visit changes wait to be written (a split batch can give back visits alone). */
  hasWaiting(): boolean {
    return this.events.length > 0 || this.visits.length > 0;
  }

  // Everything waiting goes into one batch: the visits then match the events exactly,
  // and a batch is at most the buffer limit in rows, a few seconds of writing at worst.
  takeBatch(): Batch {
    const batch: Batch = { events: this.events, visits: this.visits };
    this.events = [];
    this.visits = [];
    for (const visit of batch.visits) visit.dirty = false;
    this.inFlight += batch.events.length;
    return batch;
  }

  /**
   * The running flush is over: its events stop counting as in flight, and whatever could
   * not be written (all of it after a connection failure) goes back in front of what
   * arrived meanwhile, so the order of events is kept.
   */
  finishBatch(batch: Batch, leftover: Batch | null): void {
    this.inFlight -= batch.events.length;
    if (leftover === null) return;
    this.events = leftover.events.concat(this.events);
    for (const visit of leftover.visits) {
      if (!visit.dirty) {
        visit.dirty = true;
        this.visits.push(visit);
      }
    }
  }
}
