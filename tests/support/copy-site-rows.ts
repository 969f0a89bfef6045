import type { SiteRows } from "@/lib/analytics/analytics-store";
import { bulkInsert } from "@/lib/analytics/engines/clickhouse/bulk-insert";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { readSite } from "@/lib/analytics/engines/postgres/read-site";

// Copies a site's visits and events from Postgres into ClickHouse, so tests can ask both
// engines the same questions about the same rows: the Postgres engine's readSite on one
// side (the fixtures write there), the ClickHouse engine's bulkInsert on the other.

const PAGE_VISITS = 50_000;

/** Every visit and event of the site as Postgres has them. */
export async function readPostgresSiteRows(siteId: string): Promise<SiteRows> {
  const all: SiteRows = { siteId, visits: [], events: [] };
  let after: string | null = null;
  for (;;) {
    const page = await readSite(siteId, after, PAGE_VISITS);
    all.visits.push(...page.visits);
    all.events.push(...page.events);
    if (page.visits.length < PAGE_VISITS) return all;
    after = page.visits[page.visits.length - 1]!.visitId;
  }
}

/** The site's rows as Postgres has them, now in ClickHouse too. */
export async function copySiteRows(ch: ClickHouse, siteId: string): Promise<SiteRows> {
  const rows = await readPostgresSiteRows(siteId);
  await bulkInsert(ch, rows);
  return rows;
}
