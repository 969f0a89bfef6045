// How a ClickHouse call fails, so callers can tell "try again" from "this query is wrong":
// - ClickHouseUnavailableError: the server is unreachable, or the embedded engine's process
//   died or is restarting. Retryable: the ingestion writer keeps its buffer and writes again
//   (at once when the engine's onRestart fires).
// - ClickHouseTimeoutError: no answer within the query timeout. The statement may still run
//   (or have run) in the engine: only retry what is idempotent (inserts carry dedup tokens).
// - ClickHouseQueryError: ClickHouse refused the statement (syntax, unknown column, …), with
//   its own message, code and type. Retrying the same statement fails the same way.
// `retryable` is a plain property, not only a class, so the check holds across module copies
// (the app's server code and Next's bundles each load their own).

export class ClickHouseUnavailableError extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClickHouseUnavailableError";
  }
}

export class ClickHouseTimeoutError extends Error {
  readonly retryable = true;
  constructor(seconds: number) {
    super(`ClickHouse did not answer within ${seconds} s (the statement may still be running)`);
    this.name = "ClickHouseTimeoutError";
  }
}

export class ClickHouseQueryError extends Error {
  readonly retryable = false;
  /** ClickHouse's error code, e.g. "62" for a syntax error. */
  readonly code: string | undefined;
  /** ClickHouse's error name, e.g. "SYNTAX_ERROR". */
  readonly type: string | undefined;
  constructor(message: string, details: { code?: string; type?: string } = {}) {
    super(message);
    this.name = "ClickHouseQueryError";
    this.code = details.code;
    this.type = details.type;
  }
}

/** True when trying the same call again later may succeed (engine down, restarting, slow). */
export function isRetryableClickHouseError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === true;
}
