import { createHash } from "node:crypto";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";
import type { VisitState } from "./visit-states";

// Rows of the events and visits tables (migrations/0001_events_visits.sql) as ClickHouse
// reads them in JSONCompactEachRow: one array a row, in the order of the column list its
// insert names (EVENTS_INSERT, VISITS_INSERT). Arrays, not objects: an events flush encodes
// in about half the time and sends half the bytes (no keys), and ClickHouse parses less.
// Times go as integer milliseconds: ClickHouse reads an integer for a DateTime64(3) as ticks
// of its scale (exact, and nothing to format per row). Ids stay decimal text (64-bit).
//
// Custom event names are made well-formed UTF-16 first: the tracker can send a lone
// surrogate there, which ClickHouse refuses and Postgres stores as U+FFFD. Paths, sources and
// UTM values come out of URL parsing, well-formed already.

export const EVENT_COLUMNS = [
  "site_id", "ts", "name", "visitor_id", "visit_id", "pathname", "props", "spool_id", "seq",
  "visit_started_at", "entry_page", "source", "referrer_host", "channel", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term",
  "country", "region", "city", "browser", "os", "device",
] as const;

export const VISIT_COLUMNS = [
  "site_id", "visit_id", "visitor_id", "started_at", "ended_at", "entry_page", "exit_page", "pageviews", "events", "pages", "event_names",
  "source", "referrer_host", "channel", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term",
  "country", "region", "city", "browser", "os", "device", "version",
] as const;

/** The target of an events insert: the table and the order of an EventRow's values. */
export const EVENTS_INSERT = `events (${EVENT_COLUMNS.join(", ")})`;
export const VISITS_INSERT = `visits (${VISIT_COLUMNS.join(", ")})`;

type Text = string | null;

/** An event with its visit's start and fixed attributes (which the filtered panels read), in EVENT_COLUMNS order. */
export type EventRow = [
  siteId: string, ts: number, name: string, visitorId: string, visitId: string, pathname: string, props: Text, spoolId: string, seq: number,
  visitStartedAt: number, entryPage: string, source: string, referrerHost: Text, channel: string,
  utmSource: Text, utmMedium: Text, utmCampaign: Text, utmContent: Text, utmTerm: Text,
  country: Text, region: Text, city: Text, browser: string, os: string, device: string,
];

export function toEventRow(e: EventRecord, spoolId: string, v: VisitRecord): EventRow {
  return [
    e.site.siteId, e.ts, wellFormed(e.name), e.visitorId, e.visitId, e.pathname, e.props, spoolId, e.seq,
    v.startedAt, v.entryPage, v.source, v.referrerHost, v.channel, v.utmSource, v.utmMedium, v.utmCampaign, v.utmContent, v.utmTerm,
    v.country, v.region, v.city, v.browser, v.os, v.device,
  ];
}

/** What identifies a written event: its spool, its seq there and its time (the sort key's part). */
export function eventKey(spoolId: string, seq: number, ts: number): string {
  return `${spoolId} ${seq} ${ts}`;
}

export function eventRowKey(row: EventRow): string {
  return eventKey(row[7], row[8], row[1]);
}

/** The visit's whole state, in VISIT_COLUMNS order; the newest version (pageviews + events) wins. */
export function toVisitRow(state: VisitState): unknown[] {
  const v = state.values;
  return [
    v.site.siteId, v.visitId, v.visitorId, v.startedAt, v.lastSeen, v.entryPage, v.exitPage, v.pageviews, v.events,
    [...state.pages], [...state.eventNames].map(wellFormed),
    v.source, v.referrerHost, v.channel, v.utmSource, v.utmMedium, v.utmCampaign, v.utmContent, v.utmTerm,
    v.country, v.region, v.city, v.browser, v.os, v.device, v.pageviews + v.events,
  ];
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
  return createHash("sha256").update(rows.map(eventRowKey).join("\n")).digest("hex");
}
