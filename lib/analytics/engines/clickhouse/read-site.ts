import type { SiteRows, StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import type { ClickHouse } from "./clickhouse";

// A site's visits in visit-id order after `afterVisitId` (their newest state), with their
// events: one page of a copy to another engine or an export of the raw rows. Ids are read as
// text (64-bit), times as ms.

const VISITS_SQL = `SELECT toString(visit_id) AS visitId, toString(visitor_id) AS visitorId,
  toUnixTimestamp64Milli(started_at) AS startedAt, toUnixTimestamp64Milli(ended_at) AS endedAt,
  entry_page AS entryPage, exit_page AS exitPage, pageviews, events, source, referrer_host AS referrerHost, channel,
  utm_source AS utmSource, utm_medium AS utmMedium, utm_campaign AS utmCampaign, utm_content AS utmContent, utm_term AS utmTerm,
  country, region, city, browser, os, device
FROM visits FINAL
WHERE site_id = {site:String} AND ({from_start:Bool} OR visit_id > {after:Int64})
ORDER BY visit_id
LIMIT {limit:UInt32}`;

const EVENTS_SQL = `SELECT toUnixTimestamp64Milli(ts) AS ts, name, toString(visitor_id) AS visitorId, toString(visit_id) AS visitId, pathname, props
FROM events
WHERE site_id = {site:String} AND visit_id >= {first:Int64} AND visit_id <= {last:Int64}
ORDER BY visit_id, ts, name, pathname`;

export async function readSite(ch: ClickHouse, siteId: string, afterVisitId: string | null, limit: number): Promise<SiteRows> {
  const rows = await ch.query<StoredVisit>(VISITS_SQL, { site: siteId, from_start: afterVisitId === null, after: afterVisitId ?? "0", limit: Math.max(0, Math.trunc(limit)) });
  const visits = rows.map((v) => ({ ...v, startedAt: Number(v.startedAt), endedAt: Number(v.endedAt), pageviews: Number(v.pageviews), events: Number(v.events) }));
  const first = visits[0];
  const last = visits[visits.length - 1];
  if (!first || !last) return { siteId, visits: [], events: [] };
  const events = await ch.query<StoredEvent>(EVENTS_SQL, { site: siteId, first: first.visitId, last: last.visitId });
  return { siteId, visits, events: events.map((e) => ({ ...e, ts: Number(e.ts) })) };
}
