import type { ClickHouse } from "./clickhouse";
import { visitKey, type StoredVisitState, type VisitState } from "./visit-states";

// The stored state of visits the writer has no memory of (visit-states.ts): their newest row
// (FINAL), found through the sort key's site and start day.

type Row = { site: string; id: string; started: number | string; land: string | null; ended: number | string; exit: string; pv: number | string; ev: number | string; pages: string[]; names: string[] };

// Visits per read: bound parameters travel in the URL of a server's HTTP interface (≤ 1 MiB).
const VISITS_PER_READ = 5_000;

/** The stored state of those of `states` that have a row, keyed by visitKey. */
export async function readStoredVisits(ch: ClickHouse, states: readonly VisitState[]): Promise<Map<string, StoredVisitState>> {
  const stored = new Map<string, StoredVisitState>();
  for (let i = 0; i < states.length; i += VISITS_PER_READ) await read(ch, states.slice(i, i + VISITS_PER_READ), stored);
  return stored;
}

async function read(ch: ClickHouse, states: readonly VisitState[], stored: Map<string, StoredVisitState>): Promise<void> {
  let from = Infinity;
  let to = -Infinity;
  const sites = new Set<string>();
  for (const { values } of states) {
    from = Math.min(from, values.startedAt);
    to = Math.max(to, values.startedAt);
    sites.add(values.site.siteId);
  }
  // Output names differ from the columns: an alias named like a column would replace it in WHERE.
  const rows = await ch.query<Row>(
    `SELECT site_id AS site, toString(visit_id) AS id, toUnixTimestamp64Milli(started_at) AS started, country AS land, toUnixTimestamp64Milli(ended_at) AS ended,
       exit_page AS exit, pageviews AS pv, events AS ev, pages, event_names AS names
     FROM visits FINAL
     WHERE site_id IN {sites:Array(String)} AND visit_id IN {ids:Array(Int64)}
       AND started_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND started_at <= fromUnixTimestamp64Milli({to:Int64}, 'UTC')
     LIMIT {limit:UInt32}`,
    { sites: [...sites], ids: states.map((s) => BigInt(s.values.visitId)), from, to, limit: states.length * 2 },
  );
  for (const row of rows) {
    stored.set(visitKey(row.site, row.id), {
      startedAt: Number(row.started),
      country: row.land,
      endedAt: Number(row.ended),
      exitPage: row.exit,
      pageviews: Number(row.pv),
      events: Number(row.ev),
      pages: row.pages,
      eventNames: row.names,
    });
  }
}
