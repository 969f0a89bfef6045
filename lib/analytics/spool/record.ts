import type { EventRecord, VisitRecord } from "@/lib/analytics/types";

// One spool line per accepted event: the event and a snapshot of its visit at that moment,
// as a JSON array (no keys: ~40 % smaller than an object, and JSON.stringify/parse are the
// fastest exact encoders at hand). The snapshot makes every line self-sufficient: replaying
// any suffix of the spool rebuilds each visit's latest state without the lines before it.
// The site travels as its id only; replay reads the site's domain and time zone from
// Postgres (and drops events of a site deleted meanwhile).

export const RECORD_VERSION = 1;

/** A decoded line: the event and the visit as they were when the event was accepted. */
export type SpoolRecord = {
  seq: number;
  siteId: string;
  event: Omit<EventRecord, "site" | "seq">;
  visit: Omit<VisitRecord, "site">;
};

export function encodeRecord(event: EventRecord, visit: VisitRecord): string {
  return JSON.stringify([
    RECORD_VERSION, event.seq, event.site.siteId, event.ts, event.name, event.visitorId, event.visitId, event.pathname, event.props,
    visit.startedAt, visit.lastSeen, visit.entryPage, visit.exitPage, visit.pageviews, visit.events,
    visit.source, visit.referrerHost, visit.channel, visit.utmSource, visit.utmMedium, visit.utmCampaign, visit.utmContent, visit.utmTerm,
    visit.country, visit.region, visit.city, visit.browser, visit.os, visit.device,
  ]);
}

const FIELDS = 29;

/** The record of one line, or null when the line is torn, corrupt or of another version. */
export function decodeRecord(line: string): SpoolRecord | null {
  let a: unknown;
  try {
    a = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(a) || a.length !== FIELDS || a[0] !== RECORD_VERSION) return null;
  const seq = num(a, 1), ts = num(a, 3), startedAt = num(a, 9), lastSeen = num(a, 10), pageviews = num(a, 13), events = num(a, 14);
  const siteId = text(a, 2), name = text(a, 4), visitorId = text(a, 5), visitId = text(a, 6), pathname = text(a, 7);
  const entryPage = text(a, 11), exitPage = text(a, 12), source = text(a, 15), channel = text(a, 17), browser = text(a, 26), os = text(a, 27), device = text(a, 28);
  if (seq === null || ts === null || startedAt === null || lastSeen === null || pageviews === null || events === null) return null;
  if (siteId === null || name === null || visitorId === null || visitId === null || pathname === null) return null;
  if (entryPage === null || exitPage === null || source === null || channel === null || browser === null || os === null || device === null) return null;
  return {
    seq,
    siteId,
    event: { ts, name, visitorId, visitId, pathname, props: text(a, 8) },
    visit: {
      visitId, visitorId, startedAt, lastSeen, entryPage, exitPage, pageviews, events, source, referrerHost: text(a, 16), channel,
      utmSource: text(a, 18), utmMedium: text(a, 19), utmCampaign: text(a, 20), utmContent: text(a, 21), utmTerm: text(a, 22),
      country: text(a, 23), region: text(a, 24), city: text(a, 25), browser, os, device,
    },
  };
}

// Module functions, not closures inside decodeRecord: replay decodes every line of the spool.
function text(a: unknown[], i: number): string | null {
  const value = a[i];
  return typeof value === "string" ? value : null;
}

function num(a: unknown[], i: number): number | null {
  const value = a[i];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
