import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

// Next.js answers 500 when it cannot decode a server action request (a body that is not the
// JSON or multipart it expects, arguments that are not form data): the client's mistake, not
// ours. The HTTP server runs each possible action request in a scope; formAction() marks the
// scope once it has valid input in hand. A 500 from a scope that was never marked came from
// decoding the request, and goes out as 400; a 500 after the mark is a bug of ours and stays.
//
// The HTTP server and the server actions load this file as two module copies (tsx, and Next's
// server bundle): the storage lives on globalThis so that both see the same one.

type Scope = { actionStarted: boolean };

const STORAGE_KEY = Symbol.for("ministat.server-action-scope");
const globalSlot = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<Scope> };
const storage = (globalSlot[STORAGE_KEY] ??= new AsyncLocalStorage<Scope>());

/** A POST that Next.js may treat as a server action (fetch action or form post). */
export function isPossibleServerAction(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  return req.headers["next-action"] !== undefined || (req.headers["content-type"] ?? "").startsWith("multipart/form-data");
}

export function runInServerActionScope<T>(res: ServerResponse, handle: () => T): T {
  const scope: Scope = { actionStarted: false };
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  // Node sends implicit headers through writeHead too, so every way out passes here.
  res.writeHead = ((status: number, ...rest: unknown[]) => writeHead(status === 500 && !scope.actionStarted ? 400 : status, ...rest)) as ServerResponse["writeHead"];
  return storage.run(scope, handle);
}

/** Called by formAction() once the request decoded into form data: from here on, a 500 is ours. */
export function markServerActionStarted(): void {
  const scope = storage.getStore();
  if (scope) scope.actionStarted = true;
}

export class MalformedActionRequestError extends Error {
  constructor() {
    super("a server action was called without form data (a hand-made request); answered 400");
    this.name = "MalformedActionRequestError";
  }
}
