// How a dashboard or API read can fail for reasons other than a bug, each with a message a
// person can act on. Pages show them in the panel ("Try again"), route handlers and the
// Stats API answer 503 / 504 with them; none of them is a 500.

/** Waited longer than READ_QUEUE_SECONDS for a turn among the heavy reads. */
export class ReadBusyError extends Error {
  readonly retryAfterSeconds: number;
  constructor(waitedSeconds: number) {
    super(`Many statistics are being computed right now; this view waited ${Math.round(waitedSeconds)} s for its turn. Please try again in a moment.`);
    this.name = "ReadBusyError";
    this.retryAfterSeconds = Math.max(1, Math.round(waitedSeconds));
  }
}

/** Postgres stopped the query at READ_STATEMENT_TIMEOUT_SECONDS. */
export class ReadTimeoutError extends Error {
  constructor(limitSeconds: number) {
    super(`This view took longer than ${limitSeconds} s to compute and was stopped. A shorter period or fewer filters will answer faster.`);
    this.name = "ReadTimeoutError";
  }
}

/** The client went away; nobody reads the answer. */
export class ReadCancelledError extends Error {
  constructor() {
    super("The request was cancelled because its client went away.");
    this.name = "ReadCancelledError";
  }
}

export type ReadUnavailable = { reason: "busy" | "timeout"; message: string; retryAfterSeconds: number };

// By name rather than instanceof: Next may bundle this module more than once, and an error
// made by one copy is not an instance of the other copy's class.
const named = (error: unknown, name: string): error is Error => error instanceof Error && error.name === name;

/** For the error handlers of pages and routes: an expected read failure, or null for a bug. */
export function readUnavailable(error: unknown): ReadUnavailable | null {
  if (named(error, "ReadBusyError")) return { reason: "busy", message: error.message, retryAfterSeconds: (error as ReadBusyError).retryAfterSeconds };
  if (named(error, "ReadTimeoutError")) return { reason: "timeout", message: error.message, retryAfterSeconds: 30 };
  return null;
}

export function isReadCancelled(error: unknown): boolean {
  return named(error, "ReadCancelledError");
}
