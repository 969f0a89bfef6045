import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";

// Bounds on how long a client may take to send its request. Node's defaults (60 s for the
// headers, 300 s for the whole request, checked every 30 s) let a slow client hold a socket
// and its memory for minutes; a few thousand of them exhaust the process. A slow client is
// dropped on its own socket; nobody else waits for it.

/** All request headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The whole request, body included (a server action body is at most 100 KB). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** An /api/event body (at most a few KB, sent by sendBeacon in one go). */
export const FAST_ROUTE_BODY_TIMEOUT_MS = 10_000;
/**
 * Idle time between requests on one connection. Behind a load balancer it must outlast the
 * balancer's own idle timeout (60 s on the common ones), or the balancer reuses a socket we
 * are closing and answers 502; without one, browsers need only a few seconds.
 */
export function keepAliveTimeoutMs(behindProxy: boolean): number {
  return behindProxy ? 65_000 : 5_000;
}

export function serverTimeoutOptions(behindProxy: boolean): ServerOptions {
  return {
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: keepAliveTimeoutMs(behindProxy),
    // How often Node checks the two timeouts above (default 30 s): the bounds hold to within
    // 1 s. The headers clock starts when the connection opens, so a silent one is dropped too.
    connectionsCheckingInterval: 1_000,
  };
}

/**
 * A body that has not fully arrived `ms` after the headers: answer 408 and close. The
 * handler's own reading stops with the socket.
 */
export function limitBodyTime(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (req.complete) return;
  const timer = setTimeout(() => {
    if (req.complete) return;
    if (!res.headersSent) {
      res.writeHead(408, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify({ error: { code: "request_timeout", message: `The request body did not arrive within ${ms / 1000} seconds.` } }));
    }
    req.socket.destroySoon();
  }, ms);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}
