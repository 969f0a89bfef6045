import type { SiteRows, StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { getPool } from "@/lib/db/pool";

// Hand-made visits with their events for integration tests, written through the analytics
// store of the engine under test: the visit row is derived from its events (entry/exit page,
// counts, end time), as the ingestion writer would store it. Call rebuildSiteStats after the
// last insert so pre-aggregated figures include them.

export type FixtureVisit = {
  id: number;
  visitor: number;
  pages: Array<{ path: string; at: string }>;
  customEvents?: Array<{ name: string; at: string; path?: string }>;
  attrs?: Partial<Record<"source" | "channel" | "referrer_host" | "utm_source" | "utm_medium" | "utm_campaign" | "country" | "region" | "city" | "browser" | "os" | "device", string | null>>;
};

const DEFAULTS = { source: "Direct / None", channel: "direct", referrer_host: null, utm_source: null, utm_medium: null, utm_campaign: null, country: "DE", region: "DE-BE", city: "Berlin", browser: "Firefox", os: "Linux", device: "desktop" };

export async function insertVisit(siteId: string, visit: FixtureVisit): Promise<void> {
  await (await getAnalyticsStore()).bulkInsert(fixtureRows(siteId, [visit]));
}

/** The rows a fixture visit is stored as. */
export function fixtureRows(siteId: string, visits: FixtureVisit[]): SiteRows {
  const rows: SiteRows = { siteId, visits: [], events: [] };
  for (const visit of visits) {
    const { row, events } = fixtureVisitRows(visit);
    rows.visits.push(row);
    rows.events.push(...events);
  }
  return rows;
}

function fixtureVisitRows(visit: FixtureVisit): { row: StoredVisit; events: StoredEvent[] } {
  const custom = visit.customEvents ?? [];
  const times = [...visit.pages.map((p) => p.at), ...custom.map((e) => e.at)].map((at) => Date.parse(at)).sort((a, b) => a - b);
  const first = visit.pages[0];
  const last = visit.pages[visit.pages.length - 1];
  if (!first || !last || times.length === 0) throw new Error("a fixture visit needs at least one pageview");
  const a = { ...DEFAULTS, ...visit.attrs };
  const ids = { visitorId: String(visit.visitor), visitId: String(visit.id) };
  const row: StoredVisit = {
    ...ids,
    startedAt: times[0]!,
    endedAt: times[times.length - 1]!,
    entryPage: first.path,
    exitPage: last.path,
    pageviews: visit.pages.length,
    events: custom.length,
    source: a.source ?? "",
    referrerHost: a.referrer_host,
    channel: a.channel ?? "",
    utmSource: a.utm_source,
    utmMedium: a.utm_medium,
    utmCampaign: a.utm_campaign,
    utmContent: null,
    utmTerm: null,
    country: a.country,
    region: a.region,
    city: a.city,
    browser: a.browser ?? "",
    os: a.os ?? "",
    device: a.device ?? "",
  };
  const events: StoredEvent[] = [
    ...visit.pages.map((p) => ({ ...ids, ts: Date.parse(p.at), name: "pageview", pathname: p.path, props: null })),
    ...custom.map((e) => ({ ...ids, ts: Date.parse(e.at), name: e.name, pathname: e.path ?? last.path, props: null })),
  ];
  return { row, events };
}

/** Brings the site's pre-aggregated figures up to date with what the fixtures stored. */
export async function rebuildSiteStats(siteId: string): Promise<void> {
  const { rows } = await getPool().query<{ timezone: string }>("SELECT timezone FROM sites WHERE id = $1", [siteId]);
  if (!rows[0]) throw new Error(`no site ${siteId}`);
  await (await getAnalyticsStore()).rebuildSite({ id: siteId, timezone: rows[0].timezone });
}
