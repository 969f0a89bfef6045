import { LruCache } from "@/lib/analytics/enrich/lru-cache";
import type { SiteRef } from "@/lib/analytics/types";
import { getWritePool } from "@/lib/db/pool";

// Domain → site, so that the hot path never waits on Postgres for a known domain. The
// whole table is reloaded every 10 s (new sites, deleted sites, changed time zones); a
// domain not in memory is looked up once, and an unknown one is remembered for 10 s so
// a crawler hammering a random domain costs one query per 10 s, not one per request.

const REFRESH_MS = 10_000;
const NEGATIVE_TTL_MS = 10_000;
// Lookups of unknown domains in flight at once. Beyond that (a flood of random domains)
// events are treated as unknown rather than queueing on the pool the flushes need.
const MAX_LOOKUPS = 16;

let sites = new Map<string, SiteRef>();
const unknown = new LruCache<string, number>(10_000);
const lookups = new Map<string, Promise<SiteRef | null>>();
let refresher: NodeJS.Timeout | null = null;
let loaded = false;

/** The site, null when the domain is known not to exist, undefined when Postgres must be asked. */
export function findCachedSite(domain: string): SiteRef | null | undefined {
  const site = sites.get(domain);
  if (site !== undefined) return site;
  const until = unknown.get(domain);
  return until !== undefined && until > Date.now() ? null : undefined;
}

export function lookupSite(domain: string): Promise<SiteRef | null> {
  const pending = lookups.get(domain);
  if (pending !== undefined) return pending;
  if (lookups.size >= MAX_LOOKUPS) return Promise.resolve(null);
  const lookup = queryDomain(domain).finally(() => lookups.delete(domain));
  lookups.set(domain, lookup);
  return lookup;
}

async function queryDomain(domain: string): Promise<SiteRef | null> {
  const { rows } = await getWritePool().query<SiteRow>("SELECT id, domain, timezone FROM sites WHERE domain = $1 OR domain = $2", [domain, `www.${domain}`]);
  const row = rows[0];
  if (row === undefined) {
    unknown.set(domain, Date.now() + NEGATIVE_TTL_MS);
    return null;
  }
  const site = toSiteRef(row);
  sites.set(domain, site);
  return site;
}

type SiteRow = { id: string; domain: string; timezone: string };

// Sites are stored without "www." (lib/sites normalises like the tracker's data-domain);
// the strip here only guards rows written some other way.
function toSiteRef(row: SiteRow): SiteRef {
  return { siteId: row.id, domain: row.domain.startsWith("www.") ? row.domain.slice(4) : row.domain, timezone: row.timezone };
}

/** Reloads every site; keeps the old map if Postgres is unreachable. */
export async function refreshSites(): Promise<void> {
  try {
    const { rows } = await getWritePool().query<SiteRow>("SELECT id, domain, timezone FROM sites");
    const next = new Map<string, SiteRef>();
    for (const row of rows) {
      const site = toSiteRef(row);
      next.set(site.domain, site);
    }
    sites = next;
    loaded = true;
  } catch (error) {
    console.error(`[ingest] cannot reload sites: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function startSiteRefresh(): void {
  if (refresher !== null) return;
  if (!loaded) void refreshSites();
  refresher = setInterval(() => void refreshSites(), REFRESH_MS).unref();
}

export function stopSiteRefresh(): void {
  if (refresher !== null) clearInterval(refresher);
  refresher = null;
}

/** Forgets everything (tests that delete and re-create sites under the same domain). */
export function clearSiteCache(): void {
  sites = new Map();
  unknown.clear();
  loaded = false;
}
