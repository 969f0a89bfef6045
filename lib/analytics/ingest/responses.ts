import type { ServerResponse } from "node:http";

// Every answer /api/event gives. Header objects are built once: the 202 is sent ~10,000
// times a second. All answers carry the open CORS header, because the tracker posts from
// every customer's origin and a browser hides even an error from a script without it.

const CORS = "access-control-allow-origin";

const ACCEPTED_HEADERS = { [CORS]: "*", "content-length": "0" };

const PREFLIGHT_HEADERS = {
  [CORS]: "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "Content-Type",
  "access-control-max-age": "86400",
  "content-length": "0",
};

export function sendAccepted(res: ServerResponse): void {
  res.writeHead(202, ACCEPTED_HEADERS);
  res.end();
}

export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, PREFLIGHT_HEADERS);
  res.end();
}

export function sendMethodNotAllowed(res: ServerResponse): void {
  sendError(res, 405, "method_not_allowed", "Use POST to send events (OPTIONS for CORS preflight).", { allow: "POST, OPTIONS" });
}

/** "Connection: close": the rest of the upload is not read, so this connection cannot be reused. */
export function sendTooLarge(res: ServerResponse, limit: number): void {
  sendError(res, 413, "body_too_large", `The event body must be at most ${limit} bytes.`, { connection: "close" });
}

export function sendUnavailable(res: ServerResponse, retryAfterSeconds: number): void {
  sendError(res, 503, "unavailable", "Event intake is busy; try again shortly.", { "retry-after": String(retryAfterSeconds) });
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...headers,
    [CORS]: "*",
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}
