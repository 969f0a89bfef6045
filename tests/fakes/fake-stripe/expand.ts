import { invalidRequest } from "./errors";

// `expand[]=customer`, `expand[]=subscription.latest_invoice`, `expand[]=data.customer` (lists):
// replaces an id with its object, path by path, as Stripe does. A path that names no id
// answers Stripe's "This property cannot be expanded".

export function applyExpand(body: unknown, paths: string[], lookup: (id: string) => unknown): unknown {
  if (paths.length === 0) return body;
  const copy = structuredClone(body);
  for (const path of paths) expandPath(copy, path.split("."), lookup, path);
  return copy;
}

function expandPath(node: unknown, segments: string[], lookup: (id: string) => unknown, path: string): void {
  if (Array.isArray(node)) {
    for (const element of node) expandPath(element, segments, lookup, path);
    return;
  }
  const [head, ...rest] = segments;
  if (head === undefined || !isRecord(node)) return;
  if (!(head in node)) throw cannotExpand(path);
  let value = node[head];
  if (typeof value === "string") {
    value = lookup(value);
    if (value === undefined) throw cannotExpand(path);
    node[head] = value;
  } else if (value !== null && typeof value !== "object") {
    throw cannotExpand(path);
  }
  if (rest.length > 0 && value !== null) expandPath(value, rest, lookup, path);
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, "expand");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
