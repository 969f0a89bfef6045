import type { Emit } from "./billing";
import type { Params } from "./params";
import type { Store } from "./store";
import type { Webhooks } from "./webhooks";

// The /v1 endpoints as a table: method, path with one `:id`, handler. A handler returns the
// answer's body (expand is applied afterwards) or throws a FakeStripeError.

export type ApiContext = {
  /** The `:id` of the path, "" when it has none. */
  id: string;
  params: Params;
  store: Store;
  webhooks: Webhooks;
  /** Records an event caused by this request and queues its delivery (after the answer). */
  emit: Emit;
};

export type Route = { method: string; pattern: RegExp; handle: (ctx: ApiContext) => unknown };

export function route(method: "GET" | "POST" | "DELETE", path: string, handle: (ctx: ApiContext) => unknown): Route {
  const pattern = new RegExp(`^${path.replace(":id", "([^/]+)")}$`);
  return { method, pattern, handle };
}

export function findRoute(routes: Route[], method: string, pathname: string): { route: Route; id: string } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const match = r.pattern.exec(pathname);
    if (match) return { route: r, id: decodeURIComponent(match[1] ?? "") };
  }
  return undefined;
}
