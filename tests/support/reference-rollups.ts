import type pg from "pg";
import { localDate } from "@/lib/analytics/dates";
import { DIMENSIONS } from "@/lib/analytics/types";

// A deliberately plain TypeScript re-implementation of the rollup rules, for tests to check
// the SQL against: a visit counts on the local day it started, page and event rows on the
// local day of the event; visitors are distinct ids per day; bounce = ≤ 1 pageview and no
// custom event; duration = ended_at − started_at.

export type RawVisit = Record<string, string | number | null> & { visit_id: number; visitor_id: number; started: number; ended: number; pageviews: number; events: number };
export type RawEvent = { visit_id: number; visitor_id: number; name: string; pathname: string; ts: number };
export type Row = { visitors: number; visits: number; pageviews: number; bounces: number; duration_sum: number; events: number };
/** kind → "day|value" → row */
export type Expected = Map<string, Map<string, Row>>;

export async function loadRaw(db: pg.Pool, siteId: string): Promise<{ visits: RawVisit[]; events: RawEvent[] }> {
  const visits = await db.query<RawVisit>(
    `SELECT *, visit_id::float8 AS visit_id, visitor_id::float8 AS visitor_id, extract(epoch FROM started_at)::float8 * 1000 AS started,
       extract(epoch FROM ended_at)::float8 * 1000 AS ended FROM visits WHERE site_id = $1`,
    [siteId],
  );
  const events = await db.query<RawEvent>(
    `SELECT visit_id::float8 AS visit_id, visitor_id::float8 AS visitor_id, name, pathname, extract(epoch FROM ts)::float8 * 1000 AS ts
     FROM events WHERE site_id = $1`,
    [siteId],
  );
  return { visits: visits.rows, events: events.rows };
}

const isBounce = (v: RawVisit) => v.pageviews <= 1 && v.events === 0;

function rowOf(visits: RawVisit[], visitorIds: Iterable<number>, pageviews: number, events: number): Row {
  return {
    visitors: new Set(visitorIds).size,
    visits: visits.length,
    pageviews,
    bounces: visits.filter(isBounce).length,
    duration_sum: Math.round(visits.reduce((sum, v) => sum + (v.ended - v.started), 0) / 1000),
    events,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Expected day rows. `visitSet` limits the visits (a filter); events then only count for those visits. */
export function expectedDayRows(raw: { visits: RawVisit[]; events: RawEvent[] }, timezone: string, visitSet?: Set<number>): Expected {
  const day = (ms: number) => localDate(timezone, new Date(ms));
  const visits = visitSet ? raw.visits.filter((v) => visitSet.has(v.visit_id)) : raw.visits;
  const byId = new Map(raw.visits.map((v) => [v.visit_id, v]));
  const events = visitSet ? raw.events.filter((e) => visitSet.has(e.visit_id)) : raw.events;
  const expected: Expected = new Map();

  const visitKinds = ["total", ...DIMENSIONS.filter((d) => d !== "page" && d !== "event")];
  for (const kind of visitKinds) {
    const groups = groupBy(visits, (v) => {
      const value = kind === "total" ? "" : v[kind];
      return value === null || value === undefined || (kind !== "total" && value === "") ? null : `${day(v.started)}|${String(value)}`;
    });
    const rows = new Map<string, Row>();
    for (const [k, vs] of groups) rows.set(k, rowOf(vs, vs.map((v) => v.visitor_id), vs.reduce((s, v) => s + v.pageviews, 0), vs.reduce((s, v) => s + v.events, 0)));
    expected.set(kind, rows);
  }

  for (const kind of ["page", "event"] as const) {
    const matching = events.filter((e) => (kind === "page" ? e.name === "pageview" : e.name !== "pageview"));
    const groups = groupBy(matching, (e) => `${day(e.ts)}|${kind === "page" ? e.pathname : e.name}`);
    const rows = new Map<string, Row>();
    for (const [k, es] of groups) {
      const visitIds = [...new Set(es.map((e) => e.visit_id))];
      const vs = visitIds.flatMap((id) => byId.get(id) ?? []);
      const pageviews = kind === "page" ? es.length : vs.reduce((s, v) => s + v.pageviews, 0);
      rows.set(k, { ...rowOf(vs, es.map((e) => e.visitor_id), pageviews, kind === "event" ? es.length : 0), visits: visitIds.length });
    }
    expected.set(kind, rows);
  }
  return expected;
}

/** Sums expected day rows of a kind over local days from..to, per value. */
export function sumByValue(rows: Map<string, Row> | undefined, from: string, to: string): Map<string, Row> {
  const sums = new Map<string, Row>();
  for (const [key, row] of rows ?? []) {
    const [d = "", value = ""] = [key.slice(0, 10), key.slice(11)];
    if (d < from || d > to) continue;
    const s = sums.get(value) ?? { visitors: 0, visits: 0, pageviews: 0, bounces: 0, duration_sum: 0, events: 0 };
    for (const m of Object.keys(s) as Array<keyof Row>) s[m] += row[m];
    sums.set(value, s);
  }
  return sums;
}
