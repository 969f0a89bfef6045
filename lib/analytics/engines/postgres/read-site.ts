import type { SiteRows, StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import { getPool } from "@/lib/db/pool";

// A site's rows a page of visits at a time, in visit-id order, each page with the events of
// its visits (copies between engines; reference answers in tests). The ids leave as text:
// ORDER BY names the table's column (v.visit_id), or it would sort the text.

const VISITS = `SELECT visit_id::text, visitor_id::text, (extract(epoch FROM started_at) * 1000)::float8 AS started_at,
  (extract(epoch FROM ended_at) * 1000)::float8 AS ended_at, entry_page, exit_page, pageviews, events, source, referrer_host,
  channel, utm_source, utm_medium, utm_campaign, utm_content, utm_term, country, region, city, browser, os, device
FROM visits v WHERE v.site_id = $1 AND v.visit_id > $2::int8 ORDER BY v.visit_id LIMIT $3`;

const EVENTS = `SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts, name, visitor_id::text, visit_id::text, pathname, props::text
FROM events e WHERE e.site_id = $1 AND e.visit_id = ANY($2::int8[]) ORDER BY e.visit_id, e.ts`;

type VisitRow = Record<string, string | number | null>;

export async function readSite(siteId: string, afterVisitId: string | null, limit: number): Promise<SiteRows> {
  const pool = getPool();
  const { rows } = await pool.query<VisitRow>(VISITS, [siteId, afterVisitId ?? "-9223372036854775808", limit]);
  const visits = rows.map(toStoredVisit);
  if (visits.length === 0) return { siteId, visits, events: [] };
  const found = await pool.query<{ ts: number; name: string; visitor_id: string; visit_id: string; pathname: string; props: string | null }>(EVENTS, [
    siteId,
    visits.map((v) => v.visitId),
  ]);
  const events = found.rows.map(
    (e): StoredEvent => ({ ts: Math.round(e.ts), name: e.name, visitorId: e.visitor_id, visitId: e.visit_id, pathname: e.pathname, props: e.props }),
  );
  return { siteId, visits, events };
}

function toStoredVisit(r: VisitRow): StoredVisit {
  const text = (key: string) => r[key] as string;
  const maybe = (key: string) => r[key] as string | null;
  return {
    visitId: text("visit_id"),
    visitorId: text("visitor_id"),
    startedAt: Math.round(r.started_at as number),
    endedAt: Math.round(r.ended_at as number),
    entryPage: text("entry_page"),
    exitPage: text("exit_page"),
    pageviews: r.pageviews as number,
    events: r.events as number,
    source: text("source"),
    referrerHost: maybe("referrer_host"),
    channel: text("channel"),
    utmSource: maybe("utm_source"),
    utmMedium: maybe("utm_medium"),
    utmCampaign: maybe("utm_campaign"),
    utmContent: maybe("utm_content"),
    utmTerm: maybe("utm_term"),
    country: maybe("country"),
    region: maybe("region"),
    city: maybe("city"),
    browser: text("browser"),
    os: text("os"),
    device: text("device"),
  };
}
