import { randomFillSync } from "node:crypto";
import type { VisitRecord } from "@/lib/analytics/types";

// Open visits (sessions) in memory, keyed by site and visitor id. A visit ends after 30
// minutes without events; the next event starts a new one.
//
// Limits, by design:
// - A restart forgets open visits: a visitor returning within 30 minutes of an event
//   received before the restart starts a new visit (slightly more visits, never lost
//   events). Shutdown writes every visit's latest state first.
// - Several ingestion instances each hold their own sessions, so the load balancer must
//   route by client IP (sticky), or this map must move to a shared store (e.g. Redis).
// - Visitor ids change at UTC midnight (daily salt), so a visit cannot span midnight.

export const VISIT_IDLE_MS = 30 * 60_000;
// ~400 bytes a visit: 1M open visits is ~400 MB. Beyond it the oldest are forgotten
// early (their visitors would start a new visit), instead of growing without bound.
const MAX_OPEN_VISITS = 1_000_000;
const MAX_VISIT_ID = (1n << 63n) - 1n;

const open = new Map<string, VisitRecord>();

/** The visit this event continues, or undefined when a new one starts (none, or idle > 30 min). */
export function findOpenVisit(key: string, at: number): VisitRecord | undefined {
  const visit = open.get(key);
  if (visit === undefined || at - visit.lastSeen > VISIT_IDLE_MS) return undefined;
  return visit;
}

export function openVisit(key: string, visit: VisitRecord): void {
  // Re-inserting keeps Map order ≈ last start, so the eviction below drops old visits first.
  open.delete(key);
  if (open.size >= MAX_OPEN_VISITS) {
    const oldest = open.keys().next();
    if (oldest.done !== true) open.delete(oldest.value);
  }
  open.set(key, visit);
}

/** Counts an event into its visit: pageviews move the exit page, anything else is a custom event. */
export function recordInVisit(visit: VisitRecord, name: string, pathname: string, at: number): void {
  if (at > visit.lastSeen) visit.lastSeen = at;
  if (name === "pageview") {
    visit.pageviews++;
    visit.exitPage = pathname;
  } else {
    visit.events++;
  }
}

// Random bytes fetched 512 ids at a time: one call to the CSPRNG costs about as much
// for 4 KB as for 8 bytes, and a busy site starts thousands of visits a second.
const pool = Buffer.alloc(8 * 512);
let offset = pool.length;

/** A random positive 63-bit id, as decimal text (the store sends it to a BIGINT column). */
export function newVisitId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.readBigUInt64BE(offset) & MAX_VISIT_ID;
  offset += 8;
  return (id === 0n ? 1n : id).toString();
}

/** Forgets visits idle for more than 30 minutes; their rows are already written or queued. */
export function sweepIdleVisits(at: number): number {
  let removed = 0;
  for (const [key, visit] of open) {
    if (at - visit.lastSeen > VISIT_IDLE_MS) {
      open.delete(key);
      removed++;
    }
  }
  return removed;
}

export function openVisitCount(): number {
  return open.size;
}
