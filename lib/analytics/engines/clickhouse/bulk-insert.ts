import type { SiteRows, StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import type { ClickHouse } from "./clickhouse";
import { forgetDays } from "./day-rows-cache";
import { EVENT_COLUMNS, EVENTS_INSERT, VISIT_COLUMNS, VISITS_INSERT } from "./encode-rows";

// Bulk loads (seed, copy between engines, test fixtures): a site's visits and events as
// whole rows, no spool. Each event carries its visit's fixed attributes
// (0001_events_visits.sql); an event whose visit is not in the batch takes them from the
// stored visit, whose pages and custom events then grow by them. A visit in the batch comes
// with all its events: its row gets the distinct pages it viewed and custom events it fired
// among them, and version = pageviews + events (the writer's rule), so the newest state of a
// visit wins. The kept day rows of the days the batch touches are forgotten
// (day-rows-cache.ts): bulk loads write the past.
//
// Rows go as the live writer's do (encode-rows.ts): arrays in the inserts' column order, times
// as integer milliseconds — half the bytes of objects with ISO times, and less to parse (the 1M
// seed's inserts: 26.8 MB per 50,000 events as objects).

const ROWS_PER_INSERT = 50_000;

type VisitRow = ReturnType<typeof visitRow>;
type Seen = { pages: Set<string>; names: Set<string> };

function visitRow(siteId: string, v: StoredVisit, seen: Seen) {
  return {
    site_id: siteId,
    visit_id: v.visitId,
    visitor_id: v.visitorId,
    // Milliseconds here; a stored visit read back (storedVisits) has DateTime64 text instead.
    started_at: v.startedAt as number | string,
    ended_at: v.endedAt as number | string,
    entry_page: v.entryPage,
    exit_page: v.exitPage,
    pageviews: v.pageviews,
    events: v.events,
    pages: [...seen.pages],
    event_names: [...seen.names],
    source: v.source,
    referrer_host: v.referrerHost,
    channel: v.channel,
    utm_source: v.utmSource,
    utm_medium: v.utmMedium,
    utm_campaign: v.utmCampaign,
    utm_content: v.utmContent,
    utm_term: v.utmTerm,
    country: v.country,
    region: v.region,
    city: v.city,
    browser: v.browser,
    os: v.os,
    device: v.device,
    version: v.pageviews + v.events,
  };
}

function eventRow(siteId: string, e: StoredEvent, v: VisitRow): Record<(typeof EVENT_COLUMNS)[number], unknown> {
  return {
    site_id: siteId,
    ts: e.ts,
    name: e.name,
    visitor_id: e.visitorId,
    visit_id: e.visitId,
    pathname: e.pathname,
    props: e.props,
    spool_id: "",
    seq: 0,
    visit_started_at: v.started_at,
    entry_page: v.entry_page,
    source: v.source,
    referrer_host: v.referrer_host,
    channel: v.channel,
    utm_source: v.utm_source,
    utm_medium: v.utm_medium,
    utm_campaign: v.utm_campaign,
    utm_content: v.utm_content,
    utm_term: v.utm_term,
    country: v.country,
    region: v.region,
    city: v.city,
    browser: v.browser,
    os: v.os,
    device: v.device,
  };
}

// The newest stored state of visits, as rows to write again (times back in the insert format).
// (DateTime64 comes back as the text it is written in.)
const STORED_VISITS_SQL = `SELECT * EXCEPT (visit_id, visitor_id), toString(visit_id) AS visit_id, toString(visitor_id) AS visitor_id
FROM visits FINAL
WHERE site_id = {site:String} AND visit_id IN (SELECT toInt64(arrayJoin({ids:Array(String)})))`;

async function storedVisits(ch: ClickHouse, siteId: string, ids: string[]): Promise<Map<string, VisitRow>> {
  const found = new Map<string, VisitRow>();
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    const rows = await ch.query<VisitRow>(STORED_VISITS_SQL, { site: siteId, ids: ids.slice(i, i + ROWS_PER_INSERT) });
    for (const row of rows) found.set(row.visit_id, row);
  }
  return found;
}

// Never deduplicated: the tables drop an insert identical to a recent one (the live writer's
// guard against a retry landing twice), but a bulk load may rightly repeat one — the same
// site seeded again, a copy batch written again after its rows were deleted.
async function insertAll(ch: ClickHouse, target: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await ch.insert(`${target} SETTINGS insert_deduplicate = 0`, rows.slice(i, i + ROWS_PER_INSERT));
}

/** Rows as arrays in the order of `columns`. */
const inOrder = <C extends string>(columns: readonly C[], rows: Array<Record<C, unknown>>) => rows.map((row) => columns.map((c) => row[c]));

export async function bulkInsert(ch: ClickHouse, rows: SiteRows): Promise<void> {
  const seen = new Map<string, Seen>();
  for (const e of rows.events) {
    let s = seen.get(e.visitId);
    if (!s) seen.set(e.visitId, (s = { pages: new Set(), names: new Set() }));
    if (e.name === "pageview") s.pages.add(e.pathname);
    else s.names.add(e.name);
  }
  const none: Seen = { pages: new Set(), names: new Set() };
  const visits = new Map(rows.visits.map((v) => [v.visitId, visitRow(rows.siteId, v, seen.get(v.visitId) ?? none)]));

  // Events of visits stored earlier: their attributes, and their pages added to the stored row.
  const elsewhere = [...seen.keys()].filter((id) => !visits.has(id));
  const stored = elsewhere.length > 0 ? await storedVisits(ch, rows.siteId, elsewhere) : new Map<string, VisitRow>();
  const grown: VisitRow[] = [];
  for (const [id, row] of stored) {
    const s = seen.get(id) ?? none;
    const pages = [...new Set([...row.pages, ...s.pages])];
    const names = [...new Set([...row.event_names, ...s.names])];
    const merged = { ...row, pages, event_names: names };
    if (pages.length > row.pages.length || names.length > row.event_names.length) grown.push(merged);
    visits.set(id, merged);
  }
  const missing = elsewhere.find((id) => !visits.has(id));
  if (missing) throw new Error(`bulkInsert: visit ${missing} of site ${rows.siteId} is neither in the batch nor stored`);

  const events = rows.events.map((e) => eventRow(rows.siteId, e, visits.get(e.visitId) as VisitRow));
  await insertAll(ch, EVENTS_INSERT, inOrder(EVENT_COLUMNS, events));
  await insertAll(ch, VISITS_INSERT, inOrder(VISIT_COLUMNS, [...rows.visits.map((v) => visits.get(v.visitId) as VisitRow), ...grown]));
  let first = Infinity;
  let last = -Infinity;
  for (const ms of [...rows.visits.flatMap((v) => [v.startedAt, v.endedAt]), ...rows.events.map((e) => e.ts)]) {
    first = Math.min(first, ms);
    last = Math.max(last, ms);
  }
  if (first <= last) await forgetDays(ch, rows.siteId, first, last);
}
