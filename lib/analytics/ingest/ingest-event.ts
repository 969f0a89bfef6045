import { visitorId } from "@/lib/analytics/enrich/visitor-id";
import { enqueueEvent, isBufferFull } from "@/lib/analytics/store/flusher";
import { countDropped, countOverloaded } from "@/lib/analytics/store/stats";
import type { SiteRef } from "@/lib/analytics/types";
import { isForeignKeyViolation } from "@/lib/db/sql-state";
import { now } from "./clock";
import { ensureIngestionStarted } from "./lifecycle";
import type { RawEvent } from "./parse-event";
import { getCachedSalt, getSalt } from "./salts";
import { findOpenVisit, openVisit, recordInVisit } from "./sessions";
import { findCachedSite, lookupSite } from "./site-cache";
import { startVisit } from "./start-visit";
import { utcDay } from "@/lib/analytics/dates";

// A valid, non-bot event → site → daily salt → visitor id → visit → buffer (and spool).
// Synchronous whenever the site and today's salt are in memory (all but the first event of
// a site per day and process); only then does it return a promise. "accepted" means
// buffered and appended to the spool: the caller answers 202 once the spool has it on
// disk (whenDurable in store/flusher.ts).

export type IngestOutcome = "accepted" | "dropped" | "overloaded";

export function ingestEvent(event: RawEvent, ip: string, userAgent: string): IngestOutcome | Promise<IngestOutcome> {
  ensureIngestionStarted();
  if (isBufferFull()) {
    countOverloaded();
    return "overloaded";
  }
  const at = now();
  const site = findCachedSite(event.domain);
  if (site === null) return drop();
  if (site === undefined) {
    return lookupSite(event.domain).then((found) => (found === null ? drop() : withSalt(found, event, ip, userAgent, at)), onDbError);
  }
  return withSalt(site, event, ip, userAgent, at);
}

function withSalt(site: SiteRef, event: RawEvent, ip: string, userAgent: string, at: number): IngestOutcome | Promise<IngestOutcome> {
  const day = utcDay(at);
  const salt = getCachedSalt(site.siteId, day);
  if (salt !== undefined) return record(site, salt, event, ip, userAgent, at);
  return getSalt(site.siteId, day).then((loaded) => record(site, loaded, event, ip, userAgent, at), onDbError);
}

function record(site: SiteRef, salt: Buffer, event: RawEvent, ip: string, userAgent: string, at: number): IngestOutcome {
  const visitor = visitorId(salt, site.siteId, ip, userAgent).toString();
  const key = `${site.siteId}:${visitor}`;
  let visit = findOpenVisit(key, at);
  if (visit === undefined) {
    visit = startVisit(site, visitor, event, ip, userAgent, at);
    openVisit(key, visit);
  }
  recordInVisit(visit, event.name, event.pathname, at);
  const props = hasEntries(event.props) ? JSON.stringify(event.props) : null;
  enqueueEvent({ seq: 0, site, ts: at, name: event.name, visitorId: visitor, visitId: visit.visitId, pathname: event.pathname, props }, visit);
  return "accepted";
}

// Without allocating a key array, as Object.keys would for every pageview.
function hasEntries(object: Record<string, string>): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

function drop(): IngestOutcome {
  countDropped();
  return "dropped";
}

// A site deleted a moment ago is an unknown domain (202, not stored); any other failure
// to reach Postgres on a cache miss is ours, and the caller answers 503.
function onDbError(error: unknown): IngestOutcome {
  if (isForeignKeyViolation(error)) return drop();
  throw error;
}
