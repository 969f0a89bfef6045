import type { Batch } from "@/lib/analytics/store/event-buffer";
import type { VisitRecord } from "@/lib/analytics/types";

// The state of each visit a ClickHouse write appends (one new row per changed visit, the
// newest version wins): the in-memory visit's values at the start of the flush, plus its
// distinct pages and custom event names, which the in-memory visit does not keep.
//
// Pages and names accumulate across flushes in VisitMemory, keyed by the in-memory visit
// object (the session cache hands the same object to every flush of the visit). A visit the
// writer has no memory of (after a restart: the spool replay's visits; or a first flush that
// lacks some of its events) is `incomplete` until its stored row is merged in (mergeStored).

export type VisitState = {
  /** The in-memory visit: VisitMemory's key. Its values move on during the write; read `values`. */
  origin: VisitRecord;
  /** A copy taken synchronously at the start of the write, merged with the stored row if any. */
  values: VisitRecord;
  pages: Set<string>;
  eventNames: Set<string>;
  /** pages/eventNames hold every event of the visit counted in `values` (else: read the stored row). */
  complete: boolean;
};

/** What a stored visit row adds to a state (stored-visits.ts). */
export type StoredVisitState = { startedAt: number; country: string | null; endedAt: number; exitPage: string; pageviews: number; events: number; pages: string[]; eventNames: string[] };

// Arrays in memory (a visit has a handful of pages; a Set costs more per open visit).
type Remembered = { pages: string[]; eventNames: string[] };

/** Pages and event names of the visits this writer has written, for as long as the visit lives in memory. */
export class VisitMemory {
  private readonly written = new WeakMap<VisitRecord, Remembered>();

  get(visit: VisitRecord): Remembered | undefined {
    return this.written.get(visit);
  }

  /** After a successful write: later flushes of the visit start from these. */
  remember(states: Iterable<VisitState>): void {
    for (const state of states) this.written.set(state.origin, { pages: [...state.pages], eventNames: [...state.eventNames] });
  }
}

export function visitKey(siteId: string, visitId: string): string {
  return `${visitId}@${siteId}`;
}

/**
 * The batch's visits, keyed by visitKey. Must run before the write's first await: the
 * in-memory visits keep counting new events meanwhile, whose pages are not in this batch.
 */
export function snapshotVisits(batch: Batch, memory: VisitMemory): Map<string, VisitState> {
  const states = new Map<string, VisitState & { counted: number }>();
  for (const visit of batch.visits) {
    const known = memory.get(visit);
    states.set(visitKey(visit.site.siteId, visit.visitId), {
      origin: visit,
      values: { ...visit },
      pages: new Set(known?.pages),
      eventNames: new Set(known?.eventNames),
      complete: known !== undefined,
      counted: 0,
    });
  }
  for (const event of batch.events) {
    const state = states.get(visitKey(event.site.siteId, event.visitId));
    if (state === undefined) continue;
    state.counted++;
    if (event.name === "pageview") state.pages.add(event.pathname);
    else state.eventNames.add(event.name);
  }
  // Every event counts once in its visit (pageviews or events): a batch with as many events
  // of the visit as it counted holds all of them, so nothing earlier is missing.
  for (const state of states.values()) {
    if (state.counted >= state.values.pageviews + state.values.events) state.complete = true;
  }
  return states;
}

/**
 * Merges the visit's stored row into its state by the Postgres writer's rule: counters and
 * the end only grow, the exit page follows the later end, the start and the entry attributes
 * never change. So a replayed older snapshot can never move a visit backwards.
 */
export function mergeStored(state: VisitState, stored: StoredVisitState | undefined): void {
  state.complete = true;
  if (stored === undefined) return;
  const v = state.values;
  // The sort key's day and country (0007_visits_by_country.sql): the new row must replace the stored one.
  v.startedAt = stored.startedAt;
  v.country = stored.country;
  if (stored.endedAt > v.lastSeen) {
    v.lastSeen = stored.endedAt;
    v.exitPage = stored.exitPage;
  }
  v.pageviews = Math.max(v.pageviews, stored.pageviews);
  v.events = Math.max(v.events, stored.events);
  for (const page of stored.pages) state.pages.add(page);
  for (const name of stored.eventNames) state.eventNames.add(name);
}
