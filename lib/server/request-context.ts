import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRenderAdmission } from "./render-admission";

// What the database layer needs to know about the HTTP request it works for, without every
// caller passing it down: a signal that fires when the client goes away before its answer
// was finished (a closed tab, an API client that timed out), so the request's queries are
// cancelled in Postgres instead of running on for minutes; the account the work is for, so
// one account's heavy dashboards cannot take every turn (lib/analytics/query/read-gate.ts);
// and whether it is waiting for a heavy query, when it uses no CPU of ours
// (render-admission.ts counts the renders that do).
//
// The HTTP server hands each request to Next.js through handOverToNext(): admitted when the
// event loop has room, then run in its context, so everything Next.js does for it (the RSC
// render of a page, route handlers, streamed Suspense boundaries) sees it. The storage
// lives on globalThis: Next bundles this module into its own chunks, whose copy must find
// the server's instance.

export type RequestContext = {
  readonly signal: AbortSignal;
  /** Set once the request knows whose data it reads (the signed-in owner, the API key's owner). */
  account?: string;
  /** Heavy queries of this request that are waiting for their turn or running in Postgres. */
  heavyReadsPending: number;
  /** When heavyReadsPending last went from 0 to 1 (performance.now()). */
  heavyReadsSince: number;
};

export class ClientGoneError extends Error {
  constructor() {
    super("The client closed the connection before the answer was complete.");
    this.name = "ClientGoneError";
  }
}

const key = Symbol.for("ministat.requestContext");
const globalForContext = globalThis as unknown as { [key]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  globalForContext[key] ??= new AsyncLocalStorage<RequestContext>();
  return globalForContext[key];
}

/** A context whose signal fires when `res` closes before it finished. */
export function createRequestContext(res: ServerResponse): RequestContext {
  const controller = new AbortController();
  // "close" after "finish" is the normal end; "close" first means the client left.
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  return { signal: controller.signal, heavyReadsPending: 0, heavyReadsSince: 0 };
}

/** How the HTTP server hands a request to Next.js: admitted (render-admission.ts), in a context of its own. */
export function handOverToNext(req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const context = createRequestContext(res);
  return getRenderAdmission().admit(req, res, context, () => runWithContext(context, handle));
}

/** Runs `run` in `context` (the HTTP server's requests; tests and scripts that act like one). */
export function runWithContext<T>(context: RequestContext, run: () => T): T {
  return storage().run(context, run);
}

/** Runs `handle` in a fresh context for `res` (without admission). */
export function runWithRequestContext<T>(res: ServerResponse, handle: () => T): T {
  return runWithContext(createRequestContext(res), handle);
}

export function getRequestContext(): RequestContext | undefined {
  return storage().getStore();
}

/** Names the account the current request reads for; no-op outside a request. */
export function setRequestAccount(account: string): void {
  const context = getRequestContext();
  if (context) context.account = account;
}
