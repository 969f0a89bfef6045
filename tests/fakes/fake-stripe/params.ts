import { invalidRequest, missingParam, unknownParam } from "./errors";
import type { FormObject, FormValue } from "./form";

// Typed reads of a parsed Stripe request, answering Stripe's 400s for what Stripe refuses:
// unknown parameters, a missing required one, "Invalid integer: x", "Invalid boolean: x".
// Error `param`s are spelled as on the wire: `line_items[0][price]`.

export type Metadata = Record<string, string>;

export class Params {
  constructor(
    readonly values: FormObject,
    private readonly prefix = "",
  ) {}

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  /** Refuses any parameter outside `allowed` (`expand` is always allowed at the top level). */
  only(...allowed: string[]): this {
    for (const key of Object.keys(this.values)) {
      if (!allowed.includes(key) && !(key === "expand" && !this.prefix)) throw unknownParam(this.name(key));
    }
    return this;
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined || typeof value === "string") return value;
    throw invalidRequest(`Invalid string: ${this.name(key)} must be a string, not an object or array.`, this.name(key));
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === "") throw missingParam(this.name(key));
    return value;
  }

  /** A string, or null for the empty string Stripe uses to unset a field. */
  nullableString(key: string): string | null | undefined {
    const value = this.string(key);
    return value === "" ? null : value;
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${choices.join(", ")}`, this.name(key));
    }
    return value as T;
  }

  int(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d{1,15}$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, this.name(key));
    return Number(value);
  }

  /** An integer, or null for the empty string. */
  nullableInt(key: string): number | null | undefined {
    return this.values[key] === "" ? null : this.int(key);
  }

  bool(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${value}`, this.name(key));
    return value === "true";
  }

  object(key: string): Params | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidRequest(`Invalid object: ${this.name(key)}`, this.name(key));
    return new Params(value, this.name(key));
  }

  /** An array of objects (`line_items[0][price]=…`). */
  list(key: string): Params[] | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${this.name(key)}`, this.name(key));
    return value.map((item, i) => {
      if (!isObject(item)) throw invalidRequest(`Invalid object: ${this.name(key)}[${i}]`, `${this.name(key)}[${i}]`);
      return new Params(item, `${this.name(key)}[${i}]`);
    });
  }

  /** An array of strings (`expand[0]=customer`). */
  strings(key: string): string[] | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      throw invalidRequest(`Invalid array: ${this.name(key)} must be an array of strings`, this.name(key));
    }
    return value as string[];
  }

  /**
   * Stripe's metadata update: `metadata=` clears all keys (null), `metadata[k]=` removes one
   * key (an entry with value ""), at most 50 keys of 40 characters, values of 500.
   */
  metadata(key = "metadata"): Metadata | null | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (value === "") return null;
    if (!isObject(value)) throw invalidRequest(`Invalid object: ${this.name(key)}`, this.name(key));
    const entries = Object.entries(value);
    if (entries.length > 50) throw invalidRequest("You can specify up to 50 keys in metadata.", this.name(key));
    for (const [k, v] of entries) {
      if (typeof v !== "string") throw invalidRequest(`Invalid string: ${this.name(key)}[${k}]`, `${this.name(key)}[${k}]`);
      if (k.length > 40) throw invalidRequest("Metadata keys can be at most 40 characters long.", `${this.name(key)}[${k}]`);
      if (v.length > 500) throw invalidRequest("Metadata values can be at most 500 characters long.", `${this.name(key)}[${k}]`);
    }
    return value as Metadata;
  }
}

/** Applies a metadata update (see Params.metadata) to the stored metadata. */
export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (v === "") delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

function isObject(value: FormValue): value is FormObject {
  return typeof value === "object" && !Array.isArray(value);
}
