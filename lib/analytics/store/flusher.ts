import { finishBatch, hasWaiting, pushEvent, takeBatch, waitingCount } from "./event-buffer";
import { onFlushed } from "./flush-listener";
import { counters } from "./stats";
import { describeDbError } from "./sql-state";
import type { EventRecord, VisitRecord } from "./types";
import { writeWithRecovery } from "./write-with-recovery";

// When the buffer is written: 1 s after the first waiting event, or at once when 5,000
// are waiting, whichever comes first. One flush at a time (a second one would only
// compete for the same rows and connection); requests made while one runs make it go
// round again. After a failure it waits 0.5 s, then twice as long each time (≤ 30 s).

const FLUSH_INTERVAL_MS = 1_000;
const FLUSH_AT_EVENTS = 5_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

let running: Promise<void> | null = null;
let again = false;
let timer: NodeJS.Timeout | null = null;
let backoffMs = 0;
let retryAt = 0;

/** Adds an accepted event (and marks its visit changed); the caller checked isBufferFull(). */
export function enqueueEvent(event: EventRecord, visit: VisitRecord): void {
  counters.accepted++;
  if (pushEvent(event, visit) >= FLUSH_AT_EVENTS) requestFlush();
  else if (timer === null && running === null) armTimer(FLUSH_INTERVAL_MS);
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
    if (hasWaiting() && timer === null) armTimer(retryAt > Date.now() ? retryAt - Date.now() : FLUSH_INTERVAL_MS);
  });
}

async function flushLoop(): Promise<void> {
  do {
    again = false;
    if (!hasWaiting() || !(await flushOnce())) return;
  } while (again || waitingCount() >= FLUSH_AT_EVENTS);
}

/** Writes everything waiting; false when (part of) it had to be given back. */
async function flushOnce(): Promise<boolean> {
  const batch = takeBatch();
  const started = performance.now();
  const outcome = await writeWithRecovery(batch).catch((error: unknown) => ({ stored: 0, discarded: 0, keys: [], leftover: batch, error }));
  finishBatch(batch, outcome.leftover);
  counters.stored += outcome.stored;
  counters.discarded += outcome.discarded;
  if (outcome.keys.length > 0) onFlushed(outcome.keys);
  if (outcome.leftover !== null) {
    backoffMs = Math.min(BACKOFF_MAX_MS, backoffMs === 0 ? BACKOFF_MIN_MS : backoffMs * 2);
    retryAt = Date.now() + backoffMs;
    // Never the batch itself: events are visitor data. The message has its quoted values elided.
    console.error(`[ingest] flush failed, ${waitingCount()} events kept, retrying in ${backoffMs} ms: ${describeDbError(outcome.error)}`);
    return false;
  }
  backoffMs = 0;
  retryAt = 0;
  counters.flushes++;
  counters.lastFlushMs = Math.round(performance.now() - started);
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
    if (!hasWaiting()) return;
    const now = Date.now();
    if (now >= deadline) throw new Error(`ingestion drain timed out with ${waitingCount()} events unwritten`);
    if (retryAt > now) await new Promise((resolve) => setTimeout(resolve, Math.min(retryAt, deadline) - now));
    retryAt = 0;
    requestFlush();
    if (timer !== null) clearTimeout(timer); // the drain loop itself is the retry timer now
    timer = null;
  }
}
