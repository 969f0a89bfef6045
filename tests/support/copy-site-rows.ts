import type pg from "pg";
import type { SiteRows, StoredEvent, StoredVisit } from "@/lib/analytics/analytics-store";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";

// Copies a site's visits and events from Postgres into ClickHouse, so tests can ask both
// engines the same questions about the same rows. Plain SQL on the Postgres side (the
// fixtures write there), the ClickHouse engine's bulkInsert on the other.

const VISITS_SQL = `SELECT visit_id::text AS "visitId", visitor_id::text AS "visitorId",
  floor(extract(epoch FROM started_at) * 1000)::float8 AS "startedAt", floor(extract(epoch FROM ended_at) * 1000)::float8 AS "endedAt",
  entry_page AS "entryPage", exit_page AS "exitPage", pageviews, events, source, referrer_host AS "referrerHost", channel,
  utm_source AS "utmSource", utm_medium AS "utmMedium", utm_campaign AS "utmCampaign", utm_content AS "utmContent", utm_term AS "utmTerm",
  country, region, city, browser, os, device
FROM visits WHERE site_id = $1 ORDER BY visit_id`;

const EVENTS_SQL = `SELECT floor(extract(epoch FROM ts) * 1000)::float8 AS ts, name, visitor_id::text AS "visitorId", visit_id::text AS "visitId",
  pathname, props::text AS props
FROM events WHERE site_id = $1 ORDER BY visit_id, ts`;

export async function readPostgresSiteRows(db: pg.Pool | pg.ClientBase, siteId: string): Promise<SiteRows> {
  const visits = await db.query<StoredVisit>(VISITS_SQL, [siteId]);
  const events = await db.query<StoredEvent>(EVENTS_SQL, [siteId]);
  return { siteId, visits: visits.rows, events: events.rows };
}

/** The site's rows as Postgres has them, now in ClickHouse too. */
export async function copySiteRows(db: pg.Pool | pg.ClientBase, ch: ClickHouse, siteId: string): Promise<SiteRows> {
  const rows = await readPostgresSiteRows(db, siteId);
  await bulkInsert(ch, rows);
  return rows;
}
