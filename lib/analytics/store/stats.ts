// Process-wide counters for the benchmark and for operators. Plain numbers mutated in
// place: the hot path pays one increment, nothing is allocated until someone asks.

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

export const counters = {
  accepted: 0,
  stored: 0,
  dropped: 0,
  discarded: 0,
  overloaded: 0,
  flushes: 0,
  lastFlushMs: 0,
};
