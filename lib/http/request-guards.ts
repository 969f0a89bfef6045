import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv, isProduction } from "@/lib/config/env";
import { getAppHost } from "./app-url";

// Checks the node:http server (lib/server/http-server.ts) makes before Next.js sees a request.
// Host, X-Forwarded-Host and Origin are the client's own claims: nothing we build may follow
// them, and a request that claims to be for another site is refused here with a 4xx, before
// it can reach code that sends mail or sets a cookie.

export type HostPolicy = {
  /** APP_URL's host: the host we answer as. */
  appHost: string;
  /** APP_URL is set: X-Forwarded-Host becomes APP_URL's host for Next.js. */
  appUrlConfigured: boolean;
  /** Production: a request for any other Host is refused (400). */
  requireAppHost: boolean;
};

export function getHostPolicy(): HostPolicy {
  return { appHost: getAppHost(), appUrlConfigured: Boolean(getEnv().APP_URL), requireAppHost: isProduction() };
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Routes authenticated by a secret in the request itself, never by our cookies, so a
// request from another site carries no authority of ours: a webmail's one-click
// unsubscribe (RFC 8058) may come with its own Origin.
const TOKEN_AUTHENTICATED_PATHS = ["/reports/unsubscribe/"];

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Production only: a Host other than APP_URL's gets 400 (a reverse proxy must pass Host on). */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse, policy: HostPolicy): boolean {
  if (!policy.requireAppHost || req.headers.host?.toLowerCase() === policy.appHost) return false;
  refuse(res, 400, "unknown_host", `This server answers for ${policy.appHost} only.`);
  return true;
}

/**
 * Next.js compares a server action's Origin with X-Forwarded-Host (else Host), and fills
 * X-Forwarded-Host from Host when it is missing. A client-sent X-Forwarded-Host is never
 * believed: with APP_URL set it becomes APP_URL's host, so that check compares with the
 * configured site; without APP_URL (local development) it is dropped and Host is used.
 */
export function pinForwardedHost(req: IncomingMessage, policy: HostPolicy): void {
  if (policy.appUrlConfigured) req.headers["x-forwarded-host"] = policy.appHost;
  else delete req.headers["x-forwarded-host"];
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A state-changing request sent by a page of another origin (its browser says so in Origin)
 * gets 403. Next.js would answer a cross-site server action with a 500 (or throw on an
 * unparsable Origin); requests without Origin (curl, webhooks) pass as before.
 */
export function refuseCrossSiteWrite(req: IncomingMessage, res: ServerResponse, policy: HostPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !UNSAFE_METHODS.has(req.method ?? "")) return false;
  if (TOKEN_AUTHENTICATED_PATHS.some((prefix) => req.url?.startsWith(prefix))) return false;
  const expected = policy.appUrlConfigured ? policy.appHost : req.headers.host?.toLowerCase();
  if (expected !== undefined && originHost(origin) === expected) return false;
  refuse(res, 403, "cross_site_request", "This request came from another site and was refused. Open MiniStat itself and try again.");
  return true;
}
