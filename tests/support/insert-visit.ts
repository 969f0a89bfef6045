import type pg from "pg";

// Hand-made visits with their events for integration tests: the visit row is derived from its
// events (entry/exit page, counts, end time), as the ingestion writer would store it.

export type FixtureVisit = {
  id: number;
  visitor: number;
  pages: Array<{ path: string; at: string }>;
  customEvents?: Array<{ name: string; at: string; path?: string }>;
  attrs?: Partial<Record<"source" | "channel" | "referrer_host" | "utm_source" | "utm_medium" | "utm_campaign" | "country" | "region" | "city" | "browser" | "os" | "device", string | null>>;
};

const DEFAULTS = { source: "Direct / None", channel: "direct", referrer_host: null, utm_source: null, utm_medium: null, utm_campaign: null, country: "DE", region: "DE-BE", city: "Berlin", browser: "Firefox", os: "Linux", device: "desktop" };

export async function insertVisit(db: pg.Pool | pg.ClientBase, siteId: string, visit: FixtureVisit): Promise<void> {
  const custom = visit.customEvents ?? [];
  const times = [...visit.pages.map((p) => p.at), ...custom.map((e) => e.at)].sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = visit.pages[0];
  const last = visit.pages[visit.pages.length - 1];
  if (!first || !last || times.length === 0) throw new Error("a fixture visit needs at least one pageview");
  const a = { ...DEFAULTS, ...visit.attrs };
  await db.query(
    `INSERT INTO visits (site_id, visit_id, visitor_id, started_at, ended_at, entry_page, exit_page, pageviews, events, source, referrer_host,
       channel, utm_source, utm_medium, utm_campaign, country, region, city, browser, os, device)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [siteId, visit.id, visit.visitor, times[0], times[times.length - 1], first.path, last.path, visit.pages.length, custom.length, a.source,
      a.referrer_host, a.channel, a.utm_source, a.utm_medium, a.utm_campaign, a.country, a.region, a.city, a.browser, a.os, a.device],
  );
  const rows = [
    ...visit.pages.map((p) => ({ ts: p.at, name: "pageview", path: p.path })),
    ...custom.map((e) => ({ ts: e.at, name: e.name, path: e.path ?? last.path })),
  ];
  await db.query(
    `INSERT INTO events (site_id, ts, name, visitor_id, visit_id, pathname)
     SELECT $1, ts, name, $2, $3, path FROM unnest($4::timestamptz[], $5::text[], $6::text[]) AS u(ts, name, path)`,
    [siteId, visit.visitor, visit.id, rows.map((r) => r.ts), rows.map((r) => r.name), rows.map((r) => r.path)],
  );
}
