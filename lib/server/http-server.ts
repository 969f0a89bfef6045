import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { handleEventRequest } from "@/lib/analytics/ingest/handle-event-request";
import { isProduction } from "@/lib/config/env";
import { CLIENT_IP_HEADER, getClientIp } from "@/lib/http/client-ip";
import { getHostPolicy, pinForwardedHost, refuseCrossSiteWrite, refuseForeignHost } from "@/lib/http/request-guards";
import { isPossibleServerAction, runInServerActionScope } from "@/lib/http/server-action-scope";
import { FAST_ROUTE_BODY_TIMEOUT_MS, limitBodyTime, serverTimeoutOptions } from "@/lib/http/server-timeouts";
import { handOverToNext } from "./request-context";

// The app's node:http server. POST /api/event, which takes thousands of requests a second,
// is answered here by the ingestion handler (lib/analytics/ingest/handle-event-request.ts),
// in front of Next's router (which costs ~0.6 ms a request); everything else goes to
// Next.js, after the checks of lib/http/request-guards.ts.

const EVENT_PATH = "/api/event";
const EVENT_PATH_WITH_QUERY = `${EVENT_PATH}?`;

/** The request's path (before any query string) is /api/event; compared without slicing the URL. */
function isEventRequest(url: string): boolean {
  return url === EVENT_PATH || url.startsWith(EVENT_PATH_WITH_QUERY);
}

// Next answers a server action body over its limit with a 500; it is the client's mistake.
export const SERVER_ACTION_BODY_LIMIT = 100 * 1024;

function isOversizedServerAction(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  return Number(req.headers["content-length"] ?? 0) > SERVER_ACTION_BODY_LIMIT;
}

// In production APP_URL is https: browsers are to use nothing else. Set here, at run time —
// next.config.ts headers are fixed at build time, whatever MINISTAT_ENV is when the app starts.
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains; preload";

function refuseOversized(res: ServerResponse): void {
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code: "payload_too_large", message: "That request is too large (the limit is 100 KB)." } }));
}

export type HttpServer = { close: () => Promise<void> };

export async function startHttpServer(options: { dev: boolean; port: number; host: string; trustedProxyHops: number }): Promise<HttpServer> {
  const app = next({ dev: options.dev, hostname: "localhost", port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hostPolicy = getHostPolicy();
  const production = isProduction();

  const toNext = (req: IncomingMessage, res: ServerResponse) => {
    // Not on /api/event, whose 202 is the hot path: browsers learn HSTS from our pages.
    if (production) res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    if (refuseForeignHost(req, res, hostPolicy) || refuseCrossSiteWrite(req, res, hostPolicy)) return;
    if (isOversizedServerAction(req)) return refuseOversized(res);
    pinForwardedHost(req, hostPolicy);
    // Resolve the client address once for Next; pages and actions read it from this header.
    req.headers[CLIENT_IP_HEADER] = getClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], options.trustedProxyHops);
    // Admitted when the event loop has room (render-admission.ts), in a request context
    // whose signal cancels the request's queries when its client goes away.
    const render = () => handOverToNext(req, res, () => handle(req, res));
    return isPossibleServerAction(req) ? runInServerActionScope(res, render) : render();
  };

  const server = createServer(serverTimeoutOptions(options.trustedProxyHops > 0), (req, res) => {
    // /api/event answers for any Host (a customer's own proxy may forward the tracker's
    // events under its domain) and resolves the client address itself, when needed.
    if (isEventRequest(req.url ?? "/")) {
      limitBodyTime(req, res, FAST_ROUTE_BODY_TIMEOUT_MS);
      return handleEventRequest(req, res);
    }
    Promise.resolve(toNext(req, res)).catch((error: unknown) => {
      console.error(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
