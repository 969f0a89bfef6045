import { invalidRequest } from "./errors";

// Stripe's request encoding (application/x-www-form-urlencoded, the same in query strings):
// nested objects and arrays in bracket notation, as the official client writes them:
//   line_items[0][price]=price_x&line_items[0][quantity]=1&metadata[account_id]=a1&expand[0]=customer
// `expand[]=a&expand[]=b` (curl style) is read as an array too. Every leaf is a string; the
// readers in params.ts coerce them where the endpoint expects numbers or booleans.

export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

const NAME = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const INDEX = /^\d+$/;
// Keys under these stay keys even when they look like indexes (metadata[0]=x).
const FREE_FORM_KEYS = new Set(["metadata"]);

export function parseForm(raw: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const match = NAME.exec(name);
    const path = match ? [match[1] ?? name, ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")] : [name];
    insert(root, path, value, name);
  }
  return toArrays(root, "") as FormObject;
}

function insert(root: FormObject, path: string[], value: string, name: string): void {
  let node = root;
  path.forEach((segment, i) => {
    // `expand[]=a&expand[]=b`: each empty index appends.
    const key = segment === "" ? String(Object.keys(node).length) : segment;
    const existing = node[key];
    if (i === path.length - 1) {
      if (existing !== undefined && typeof existing !== "string") throw conflict(name);
      node[key] = value;
      return;
    }
    if (existing === undefined) node[key] = {};
    else if (typeof existing === "string" || Array.isArray(existing)) throw conflict(name);
    node = node[key] as FormObject;
  });
}

function toArrays(value: FormValue, key: string): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, toArrays(value[k] as FormValue, k)] as const);
  if (!FREE_FORM_KEYS.has(key) && keys.length > 0 && keys.every((k) => INDEX.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

function conflict(name: string) {
  return invalidRequest(`Invalid parameter: ${name} is given both as a value and as an object or array.`, name);
}
