import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { encodeRecord } from "@/lib/analytics/spool/record";
import type { DurableCallback, Spool } from "@/lib/analytics/spool/spool";
import { EventBuffer, MAX_BUFFERED_EVENTS } from "./event-buffer";
import { countAccepted, countFlush, countWritten, readIngestionStats, type IngestionStats } from "./stats";
import { describeDbError } from "@/lib/db/sql-state";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";

// When the buffer is written: 1 s after the first waiting event, or at once when the
// engine's flushAtEvents are waiting (5,000 until the store is known), whichever comes
// first. One flush at a time (a second one would only compete for the same rows and
// connection); requests made while one runs make it go round again. After a failure it
// waits 0.5 s, then twice as long each time (≤ 30 s), or less when told that Postgres is
// back (retryFlushNow).
//
// With a spool attached (the app always has one; bare test servers may not), each accepted
// event is also appended to it, and the spool learns after each commit what it may delete.

const FLUSH_INTERVAL_MS = 1_000;
let flushAtEvents = 5_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

const buffer = new EventBuffer();
let spool: Spool | null = null;
let nextSeq = 1;
let running: Promise<void> | null = null;
let again = false;
let timer: NodeJS.Timeout | null = null;
let backoffMs = 0;
let retryAt = 0;

/** From now on accepted events go to `next` too, numbered from `firstSeq`; null detaches it. */
export function attachSpool(next: Spool | null, firstSeq = nextSeq): void {
  spool = next;
  nextSeq = Math.max(nextSeq, firstSeq);
}

export function isBufferFull(): boolean {
  return buffer.isFull();
}

/** The process's ingestion counters, with the events accepted but not yet committed. */
export function getIngestionStats(): IngestionStats {
  return readIngestionStats(buffer.bufferedCount());
}

/** For tests: reach the limit without 200,000 requests. */
export function setMaxBufferedEvents(limit = MAX_BUFFERED_EVENTS): void {
  buffer.maxBuffered = limit;
}

/**
 * Adds an accepted event (and marks its visit changed); the caller checked isBufferFull().
 * The event gets its seq here (the one given is a placeholder): set on the caller's object,
 * not a copy, as this runs for every event.
 */
export function enqueueEvent(event: EventRecord, visit: VisitRecord): void {
  event.seq = nextSeq++;
  countAccepted();
  spool?.append(event.seq, encodeRecord(event, visit));
  if (buffer.push(event, visit) >= flushAtEvents) requestFlush();
  else if (timer === null && running === null) armTimer(FLUSH_INTERVAL_MS);
}

/** Calls back once every event enqueued so far is durable (in the spool; at once without one). */
export function whenDurable(callback: DurableCallback): void {
  if (spool === null) callback(null);
  else spool.whenDurable(callback);
}

/** Postgres is reachable again: retry a failed flush now instead of after the back-off. */
export function retryFlushNow(): void {
  backoffMs = 0;
  retryAt = 0;
  if (buffer.hasWaiting()) requestFlush();
}

function armTimer(delayMs: number): void {
  if (timer !== null) clearTimeout(timer);
  // unref: a pending flush must not keep a finished process (or test run) alive; a clean
  // shutdown writes the buffer through drainBuffer() instead.
  timer = setTimeout(() => {
    timer = null;
    requestFlush();
  }, delayMs).unref();
}

function requestFlush(): void {
  if (running !== null) {
    again = true;
    return;
  }
  const wait = retryAt - Date.now();
  if (wait > 0) return armTimer(wait);
  if (timer !== null) clearTimeout(timer);
  timer = null;
  running = flushLoop().finally(() => {
    running = null;
    if (buffer.hasWaiting() && timer === null) armTimer(retryAt > Date.now() ? retryAt - Date.now() : FLUSH_INTERVAL_MS);
  });
}

async function flushLoop(): Promise<void> {
  do {
    again = false;
    if (!buffer.hasWaiting() || !(await flushOnce())) return;
  } while (again || buffer.waitingCount() >= flushAtEvents);
}

/** Writes everything waiting; false when (part of) it had to be given back. */
async function flushOnce(): Promise<boolean> {
  const batch = buffer.takeBatch();
  const writingTo = spool;
  const started = performance.now();
  const outcome = await getAnalyticsStore()
    .then((store) => {
      flushAtEvents = store.flushAtEvents;
      return store.write(batch, writingTo?.id ?? null);
    })
    .catch((error: unknown) => ({ stored: 0, discarded: 0, keys: [], leftover: batch, error }));
  buffer.finishBatch(batch, outcome.leftover);
  countWritten(outcome.stored, outcome.discarded);
  if (outcome.leftover !== null) {
    backoffMs = Math.min(BACKOFF_MAX_MS, backoffMs === 0 ? BACKOFF_MIN_MS : backoffMs * 2);
    retryAt = Date.now() + backoffMs;
    // Never the batch itself: events are visitor data. The message has its quoted values elided.
    console.error(`[ingest] flush failed, ${buffer.waitingCount()} events kept, retrying in ${backoffMs} ms: ${describeDbError(outcome.error)}`);
    return false;
  }
  const lastSeq = batch.events.length === 0 ? 0 : batch.events[batch.events.length - 1]!.seq;
  writingTo?.committed(lastSeq);
  backoffMs = 0;
  retryAt = 0;
  countFlush(Math.round(performance.now() - started));
  return true;
}

/**
 * Writes everything accepted so far, retrying failed flushes until `deadline` (epoch ms);
 * rejects if events are still unwritten by then. For shutdown and tests.
 */
export async function drainBuffer(deadline: number): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  for (;;) {
    if (running !== null) await running;
    if (!buffer.hasWaiting()) return;
    const now = Date.now();
    if (now >= deadline) throw new Error(`ingestion drain timed out with ${buffer.waitingCount()} events unwritten`);
    if (retryAt > now) await new Promise((resolve) => setTimeout(resolve, Math.min(retryAt, deadline) - now));
    retryAt = 0;
    requestFlush();
    if (timer !== null) clearTimeout(timer); // the drain loop itself is the retry timer now
    timer = null;
  }
}
