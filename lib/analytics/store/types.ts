// What the ingestion pipeline hands to the store. Kept flat and pre-serialised (ids as
// decimal text, props as JSON text) so a flush only concatenates strings.

/** The site an event belongs to, as cached from the sites table. */
export type SiteRef = { siteId: string; domain: string; timezone: string };

export type EventRecord = {
  /** Acceptance order, unique per spool (lib/analytics/spool): what a flush's watermark counts. */
  seq: number;
  site: SiteRef;
  /** Receive time, ms since the epoch. */
  ts: number;
  name: string;
  visitorId: string;
  visitId: string;
  pathname: string;
  /** JSON object text, or null when the event has no props. */
  props: string | null;
};

/**
 * A visit (session) as the in-memory session cache keeps it. The store reads it at
 * flush time; the counters only grow, so writing a later state over an earlier one is
 * always right (the upsert keeps the larger values).
 */
export type VisitRecord = {
  site: SiteRef;
  visitId: string;
  visitorId: string;
  startedAt: number;
  lastSeen: number;
  entryPage: string;
  exitPage: string;
  pageviews: number;
  events: number;
  source: string;
  referrerHost: string | null;
  channel: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  browser: string;
  os: string;
  device: string;
  /** True while the visit waits in the buffer's set of changed visits. */
  dirty: boolean;
  /** True once a flush committed its row: later flushes then send only the columns that change. */
  stored: boolean;
};

/** A (site, UTC day) whose events changed in a flush, for the rollup refresher. */
export type FlushKey = { siteId: string; timezone: string; day: string };
