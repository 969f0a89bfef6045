import { invalidRequest, noSuch } from "./errors";
import type { StripeList } from "./objects";
import type { Params } from "./params";

// Stripe's list envelope and cursor pagination: newest first, `limit` 1–100 (default 10),
// `starting_after` / `ending_before` an id from a previous page.

export const LIST_PARAMS = ["limit", "starting_after", "ending_before"] as const;

export function paginate<T extends { id: string }>(oldestFirst: T[], params: Params, url: string, kind: string): StripeList<T> {
  const items = [...oldestFirst].reverse();
  const limit = params.int("limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest("Invalid limit: must be between 1 and 100.", "limit");
  const position = (param: "starting_after" | "ending_before") => {
    const id = params.string(param);
    if (id === undefined) return undefined;
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw noSuch(kind, id, param);
    return index;
  };
  const after = position("starting_after");
  const before = position("ending_before");
  if (before !== undefined) {
    const start = Math.max(0, before - limit);
    return { object: "list", data: structuredClone(items.slice(start, before)), has_more: start > 0, url };
  }
  const start = after === undefined ? 0 : after + 1;
  return { object: "list", data: structuredClone(items.slice(start, start + limit)), has_more: start + limit < items.length, url };
}
