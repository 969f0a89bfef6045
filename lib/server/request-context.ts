import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

// What the database layer needs to know about the HTTP request it works for, without every
// caller passing it down: a signal that fires when the client goes away before its answer
// was finished (a closed tab, an API client that timed out), so the request's queries are
// cancelled in Postgres instead of running on for minutes; and the account the work is
// for, so one account's heavy dashboards cannot take every slot (read-gate.ts).
//
// The HTTP server runs each request inside runWithRequestContext(); everything Next.js does
// for it (the RSC render of a page, route handlers, streamed Suspense boundaries) runs in
// that async context. The storage lives on globalThis: Next bundles this module into its
// own chunks, whose copy must find the server's instance.

export type RequestContext = {
  readonly signal: AbortSignal;
  /** Set once the request knows whose data it reads (the signed-in owner, the API key's owner). */
  account?: string;
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

/** Runs `handle` with a context whose signal fires when `res` closes before it finished. */
export function runWithRequestContext<T>(res: ServerResponse, handle: () => T): T {
  const controller = new AbortController();
  // "close" after "finish" is the normal end; "close" first means the client left.
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  return storage().run({ signal: controller.signal }, handle);
}

/** The same for work that is not an HTTP request of ours (tests, scripts) but should behave like one. */
export function runWithContext<T>(context: RequestContext, run: () => T): T {
  return storage().run(context, run);
}

export function getRequestContext(): RequestContext | undefined {
  return storage().getStore();
}

/** Names the account the current request reads for; no-op outside a request. */
export function setRequestAccount(account: string): void {
  const context = getRequestContext();
  if (context) context.account = account;
}
