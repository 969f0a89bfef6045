import { isReadCancelled, readUnavailable } from "./read-errors";

// Route handlers that read statistics (the dashboard's details, realtime, status and export
// endpoints, and the shared dashboard's) answer an expected read failure with its own status
// and message instead of a 500: 503 when the view did not get its turn (Retry-After), 504
// when it ran into the time limit. A request whose client went away gets a bare 499 that
// nobody reads. Other errors are bugs and are rethrown.

export type UnavailableCode = "busy" | "query_timeout";

/** The status, code and headers for an expected read failure, or null. */
export function readErrorStatus(error: unknown): { status: number; code: UnavailableCode; message: string; headers: Record<string, string> } | null {
  const unavailable = readUnavailable(error);
  if (!unavailable) return null;
  return unavailable.reason === "busy"
    ? { status: 503, code: "busy", message: unavailable.message, headers: { "Retry-After": String(unavailable.retryAfterSeconds) } }
    : { status: 504, code: "query_timeout", message: unavailable.message, headers: {} };
}

export function withReadErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isReadCancelled(error)) return new Response(null, { status: 499 });
      const mapped = readErrorStatus(error);
      if (!mapped) throw error;
      return Response.json({ error: { code: mapped.code, message: mapped.message } }, { status: mapped.status, headers: { "cache-control": "no-store", ...mapped.headers } });
    }
  };
}
