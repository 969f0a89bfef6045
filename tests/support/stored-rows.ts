import type { StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { getPool } from "@/lib/db/pool";

// What the analytics store holds, asked of the engine under test (never SQL on its tables), so
// that an integration test of ingestion, usage or billing means the same on every engine.
// Times are ms since the epoch, ids decimal text, props JSON text (see analytics-store.ts).

export type StoredSite = { visits: StoredVisit[]; events: StoredEvent[] };

const PAGE = 5_000;

/** Every visit of the site by start (then id) and every event by time (then visit id); equal times keep no defined order. */
export async function readStored(siteId: string): Promise<StoredSite> {
  const store = await getAnalyticsStore();
  const all: StoredSite = { visits: [], events: [] };
  let after: string | null = null;
  for (;;) {
    const page = await store.readSite(siteId, after, PAGE);
    all.visits.push(...page.visits);
    all.events.push(...page.events);
    if (page.visits.length < PAGE) break;
    after = page.visits[page.visits.length - 1]!.visitId;
  }
  all.visits.sort((a, b) => a.startedAt - b.startedAt || compareIds(a.visitId, b.visitId));
  all.events.sort((a, b) => a.ts - b.ts || compareIds(a.visitId, b.visitId));
  return all;
}

/** The paths of the site's stored events, in time order. */
export async function storedPaths(siteId: string): Promise<string[]> {
  return (await readStored(siteId)).events.map((event) => event.pathname);
}

/** How many events the store holds for the site. */
export async function countStored(siteId: string): Promise<number> {
  return (await getAnalyticsStore()).countEvents(siteId);
}

/** How many events the store holds for all sites Postgres knows ("nothing stored anywhere"). */
export async function countStoredForAllSites(): Promise<number> {
  const { rows } = await getPool().query<{ id: string }>("SELECT id FROM sites");
  const store = await getAnalyticsStore();
  let total = 0;
  for (const { id } of rows) total += await store.countEvents(id);
  return total;
}

/** An event's props as an object (null without props). */
export function propsOf(event: StoredEvent): unknown {
  return event.props === null ? null : JSON.parse(event.props);
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
