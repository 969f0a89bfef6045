import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { getClientIp } from "@/lib/analytics/enrich/client-ip";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { handOverToNext } from "./request-context";

// Hot endpoints are answered here, in front of Next's router (which costs ~0.6 ms a request);
// everything else goes to Next.js.

type FastRoute = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
const fastRoutes = new Map<string, FastRoute>();

export function registerFastRoute(pathname: string, handler: FastRoute): void {
  fastRoutes.set(pathname, handler);
}

// Next answers a server action body over its limit with a 500; it is the client's mistake.
export const SERVER_ACTION_BODY_LIMIT = 100 * 1024;

function isOversizedServerAction(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  return Number(req.headers["content-length"] ?? 0) > SERVER_ACTION_BODY_LIMIT;
}

function refuseOversized(res: ServerResponse): void {
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code: "payload_too_large", message: "That request is too large (the limit is 100 KB)." } }));
}

export type HttpServer = { close: () => Promise<void> };

export async function startHttpServer(options: { dev: boolean; port: number; host: string; trustedProxyHops: number }): Promise<HttpServer> {
  const app = next({ dev: options.dev, hostname: "localhost", port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if (isOversizedServerAction(req)) return refuseOversized(res);
    const fast = fastRoutes.get(q === -1 ? url : url.slice(0, q));
    // Resolve the client address once for Next; pages and actions read it from this
    // header. Fast routes resolve it themselves, only when they need it.
    if (!fast) req.headers[CLIENT_IP_HEADER] = getClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], options.trustedProxyHops);
    const done = fast ? fast(req, res) : handOverToNext(req, res, () => handle(req, res));
    Promise.resolve(done).catch((error: unknown) => {
      console.error(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
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
