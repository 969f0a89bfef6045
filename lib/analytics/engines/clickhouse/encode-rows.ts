import { createHash } from "node:crypto";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";
import type { VisitState } from "./visit-states";

// Rows of the events and visits tables (migrations/0001_events_visits.sql) as the objects
// ClickHouse reads as JSONEachRow, one column list per table. Times go as integer
// milliseconds: ClickHouse reads an integer for a DateTime64(3) as ticks of its scale (exact,
// and nothing to format per row). Ids stay decimal text (64-bit).
//
// Custom event names are made well-formed UTF-16 first: the tracker can send a lone
// surrogate there, which ClickHouse refuses and Postgres stores as U+FFFD. Paths, sources and
// UTM values come out of URL parsing, well-formed already.
//
// Written out field by field, not spread from a shared attributes object: 5,000 events a
// flush, and the spread costs ten times the rest of building a row.

export type EventRow = ReturnType<typeof toEventRow>;

/** The event with its visit's start and fixed attributes, which the filtered panels read. */
export function toEventRow(e: EventRecord, spoolId: string, v: VisitRecord) {
  return {
    site_id: e.site.siteId,
    ts: e.ts,
    name: wellFormed(e.name),
    visitor_id: e.visitorId,
    visit_id: e.visitId,
    pathname: e.pathname,
    props: e.props,
    spool_id: spoolId,
    seq: e.seq,
    visit_started_at: v.startedAt,
    entry_page: v.entryPage,
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
  };
}

/** The visit's whole state; the newest version (pageviews + events) wins. */
export function toVisitRow(state: VisitState) {
  const v = state.values;
  return {
    site_id: v.site.siteId,
    visit_id: v.visitId,
    visitor_id: v.visitorId,
    started_at: v.startedAt,
    ended_at: v.lastSeen,
    entry_page: v.entryPage,
    exit_page: v.exitPage,
    pageviews: v.pageviews,
    events: v.events,
    pages: [...state.pages],
    event_names: [...state.eventNames].map(wellFormed),
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

function wellFormed(s: string): string {
  return s.isWellFormed() ? s : s.toWellFormed();
}

/**
 * An insert_deduplication_token for a block of event rows: the same rows give the same
 * token, other rows another. ClickHouse then drops a block it already holds from an identical
 * insert (a retry racing an attempt still running on the server), per month partition.
 */
export function eventsDedupToken(rows: readonly EventRow[]): string {
  const ids = rows.map((row) => `${row.spool_id} ${row.seq} ${row.ts}`);
  return createHash("sha256").update(ids.join("\n")).digest("hex");
}
