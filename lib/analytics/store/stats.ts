// The ingestion counters, for the benchmark and for operators: the one place they change.
// The HTTP handler, ingestEvent and the flusher report what happened through the count*
// functions; getIngestionStats() (store/flusher.ts) adds the buffered events and hands
// out a copy. Plain numbers mutated in place: the hot path pays one increment, nothing is
// allocated until someone asks.

export type IngestionStats = {
  /** Events taken into the buffer (answered 202 and meant to be stored). */
  accepted: number;
  /** Events committed to Postgres. */
  stored: number;
  /** Requests answered without storing: bots, unknown domains, invalid bodies. */
  dropped: number;
  /** Accepted events not yet committed (waiting or in the running flush). */
  buffered: number;
  /** Accepted events Postgres refused for good (their site was deleted meanwhile, or a row it cannot hold). */
  discarded: number;
  /** Requests answered 503 because the buffer was full. */
  overloaded: number;
  /** Successful flushes. */
  flushes: number;
  /** Duration of the last successful flush, in milliseconds. */
  lastFlushMs: number;
};

const counters: Omit<IngestionStats, "buffered"> = {
  accepted: 0,
  stored: 0,
  dropped: 0,
  discarded: 0,
  overloaded: 0,
  flushes: 0,
  lastFlushMs: 0,
};

/** A request answered without storing: a bot, an unknown domain or an invalid body. */
export function countDropped(): void {
  counters.dropped++;
}

/** A request answered 503 because the buffer was full. */
export function countOverloaded(): void {
  counters.overloaded++;
}

/** An event taken into the buffer. */
export function countAccepted(): void {
  counters.accepted++;
}

/** What one flush attempt wrote and refused for good (also after a failure: part may be in). */
export function countWritten(stored: number, discarded: number): void {
  counters.stored += stored;
  counters.discarded += discarded;
}

/** A flush that wrote everything it took, in `durationMs`. */
export function countFlush(durationMs: number): void {
  counters.flushes++;
  counters.lastFlushMs = durationMs;
}

/** A copy of the counters, with the events waiting in the buffer. */
export function readIngestionStats(buffered: number): IngestionStats {
  return { ...counters, buffered };
}
