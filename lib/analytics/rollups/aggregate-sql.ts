import { DIMENSIONS, type Dimension } from "@/lib/analytics/types";

// Rows shaped like daily_stats (day, value, visitors, visits, pageviews, bounces,
// duration_sum, events), computed straight from visits and events. The rollup refresher
// inserts them for one day with no conditions; filtered dashboard queries read them for a
// whole period with the filters as conditions. One SQL for both, so they cannot drift
// (tests/integration/query-filters.test.ts holds the raw path to the rollups).
//
// Attribution: a visit (and its pageviews, events, bounce and duration) counts on the
// local day it started; page and event rows count events on the local day of their ts.

export type Kind = Dimension | "total";
export const KINDS: readonly Kind[] = ["total", ...DIMENSIONS];

/** SQL expressions (usually placeholders) for one site and one range of local dates. */
export type RawScope = {
  site: string;
  timezone: string;
  from: string; // date expression, inclusive
  to: string; // date expression, inclusive
  conditions: string[]; // extra predicates on visits aliased v
  /** Many kinds over one scan (refresh, dashboard scan): count visitors with the `multi` flag. */
  manyKinds?: boolean;
};

const VISIT_COLUMN: Record<Exclude<Dimension, "page" | "event">, string> = {
  channel: "channel",
  source: "source",
  utm_source: "utm_source",
  utm_medium: "utm_medium",
  utm_campaign: "utm_campaign",
  entry_page: "entry_page",
  exit_page: "exit_page",
  country: "country",
  region: "region",
  city: "city",
  browser: "browser",
  os: "os",
  device: "device",
};

// The visit columns the rows below read (a filtered dashboard keeps fv in memory).
const FV_COLUMNS = ["visit_id", "visitor_id", "started_at", "ended_at", "pageviews", "events", ...Object.values(VISIT_COLUMN)].map((c) => `v.${c}`).join(", ");

/** A visit's duration in seconds (numeric). */
const SECONDS = (visit: string) => `extract(epoch FROM ${visit}.ended_at - ${visit}.started_at)`;

/** UTC bounds of the local dates, computed in SQL so the (site_id, ts) indexes apply. */
export function utcBounds(scope: Pick<RawScope, "timezone" | "from" | "to">): { lo: string; hi: string } {
  return {
    lo: `((${scope.from})::timestamp AT TIME ZONE ${scope.timezone})`,
    hi: `(((${scope.to}) + 1)::timestamp AT TIME ZONE ${scope.timezone})`,
  };
}

/**
 * The CTEs fv (visits in scope, with their local day) and fe (events in scope). Unfiltered,
 * fe is every event of the period; filtered, only the events of the visits in fv, each with
 * its visit's numbers (see eventRows). The planner picks how: visit by visit through the
 * (site_id, visit_id) index for a few thousand visits, one pass over the period's events
 * with a hash of fv for more (a page filter keeping a fifth of the visits: 2.6 → 2.1 s for
 * the dashboard's panels, 1M pageviews). Its estimate of fv is good enough for that since
 * page and event filters find their visits through partial indexes; fv is materialised so
 * that, planned on stale statistics, it is never run again for every event.
 */
export function rawSourceCtes(scope: RawScope): string {
  const { lo, hi } = utcBounds(scope);
  const extra = scope.conditions.map((c) => ` AND ${c}`).join("");
  const events =
    scope.conditions.length > 0
      ? `, fv.pageviews AS visit_pageviews, fv.events AS visit_events, ${SECONDS("fv")} AS visit_seconds
    FROM fv JOIN events e ON e.site_id = ${scope.site} AND e.visit_id = fv.visit_id AND e.ts >= ${lo} AND e.ts < ${hi}`
      : `
    FROM events e WHERE e.site_id = ${scope.site} AND e.ts >= ${lo} AND e.ts < ${hi}`;
  // multi: the visitor has more than one visit in scope (see visitRows).
  const multi = scope.manyKinds ? ", count(*) OVER (PARTITION BY v.visitor_id) > 1 AS multi" : "";
  return `fv AS ${scope.conditions.length > 0 ? "MATERIALIZED " : ""}(
    SELECT ${FV_COLUMNS}, (v.started_at AT TIME ZONE ${scope.timezone})::date AS day${multi}
    FROM visits v
    WHERE v.site_id = ${scope.site} AND v.started_at >= ${lo} AND v.started_at < ${hi}${extra}
  ), fe AS (
    SELECT e.visit_id, e.visitor_id, e.name, e.pathname, (e.ts AT TIME ZONE ${scope.timezone})::date AS day${events}
  )`;
}

export const VISIT_METRICS = `count(*)::int AS visits, sum(v.pageviews)::int AS pageviews,
      count(*) FILTER (WHERE v.pageviews <= 1 AND v.events = 0)::int AS bounces,
      round(sum(${SECONDS("v")}))::int8 AS duration_sum, sum(v.events)::int AS events`;

/**
 * Visit rows grouped by `keys` ([expression, name] pairs). With many kinds over one scan,
 * unique visitors are counted without count(DISTINCT), which sorts all visits once per kind:
 * a visitor with a single visit in scope counts once wherever that visit falls; only the
 * visitors with several visits (few: ids change daily) are de-duplicated per group. For a
 * single kind, the one sort of count(DISTINCT) is cheaper than that.
 */
function visitRows(scope: RawScope, keys: Array<[string, string]>, where = "true", value = ""): string {
  const select = keys.map(([expr, name]) => `${expr} AS ${name}`).join(", ");
  const names = keys.map(([, name]) => name);
  const positions = names.map((_, i) => i + 1).join(", ");
  if (!scope.manyKinds) {
    return `SELECT ${select}${value}, count(DISTINCT v.visitor_id)::int AS visitors, ${VISIT_METRICS} FROM fv v WHERE ${where} GROUP BY ${positions}`;
  }
  return `SELECT ${names.map((n) => `d.${n}`).join(", ")}${value}, (d.single + coalesce(m.multi, 0))::int AS visitors, d.visits,
    d.pageviews, d.bounces, d.duration_sum, d.events
  FROM (
    SELECT ${select}, count(*) FILTER (WHERE NOT v.multi) AS single, ${VISIT_METRICS}
    FROM fv v WHERE ${where} GROUP BY ${positions}
  ) d LEFT JOIN (
    SELECT ${names.join(", ")}, count(*) AS multi
    FROM (SELECT DISTINCT ${select}, v.visitor_id FROM fv v WHERE v.multi AND ${where}) x GROUP BY ${positions}
  ) m USING (${names.join(", ")})`;
}

// Page and event rows: first one row per (day, value, visit), then the visit's own bounce and
// duration added, so a page's bounce rate is that of the visits that viewed it. Unfiltered,
// every event of the day counts, also those of a visit that began the day before (looked
// up in visits); filtered, only the events of the visits in fv, which fe carries along (a
// join back to fv, planned from fe's unknowable size, could become a nested loop).
function eventRows(scope: RawScope, which: "page" | "event"): string {
  const { lo, hi } = utcBounds(scope);
  const match = which === "page" ? "fe.name = 'pageview'" : "fe.name <> 'pageview'";
  const value = which === "page" ? "fe.pathname" : "fe.name";
  const filtered = scope.conditions.length > 0;
  const x = filtered
    ? { pageviews: "g.visit_pageviews", events: "g.visit_events", seconds: "g.visit_seconds" }
    : { pageviews: "x.pageviews", events: "x.events", seconds: SECONDS("x") };
  const pageviews = which === "page" ? "sum(g.n)::int" : `coalesce(sum(${x.pageviews}), 0)::int`;
  const events = which === "page" ? "0" : "sum(g.n)::int";
  const carried = filtered ? ", min(fe.visit_pageviews) AS visit_pageviews, min(fe.visit_events) AS visit_events, min(fe.visit_seconds) AS visit_seconds" : "";
  const visits = filtered
    ? ""
    : `LEFT JOIN visits x ON x.site_id = ${scope.site} AND x.visit_id = g.visit_id AND x.started_at >= ${lo} - interval '1 day' AND x.started_at < ${hi}`;
  return `SELECT g.day, g.value, count(DISTINCT g.visitor_id)::int AS visitors, count(*)::int AS visits,
    ${pageviews} AS pageviews, count(*) FILTER (WHERE ${x.pageviews} <= 1 AND ${x.events} = 0)::int AS bounces,
    coalesce(round(sum(${x.seconds})), 0)::int8 AS duration_sum, ${events} AS events
  FROM (
    SELECT fe.day, ${value} AS value, fe.visit_id, min(fe.visitor_id) AS visitor_id, count(*) AS n${carried}
    FROM fe WHERE ${match} GROUP BY 1, 2, 3
  ) g
  ${visits}
  GROUP BY g.day, g.value`;
}

/** daily_stats-shaped rows of one kind over the fv/fe CTEs of rawSourceCtes(scope). */
export function rawDailyRows(scope: RawScope, kind: Kind): string {
  if (kind === "total") return visitRows(scope, [["v.day", "day"]], "true", ", ''::text AS value");
  if (kind === "page" || kind === "event") return eventRows(scope, kind);
  const column = VISIT_COLUMN[kind];
  if (!column) throw new Error(`unknown dimension ${String(kind)}`);
  return visitRows(scope, [["v.day", "day"], [`v.${column}`, "value"]], `v.${column} <> ''`);
}

/** hourly_stats-shaped rows (UTC hour of the visit's start) over the fv CTE. */
export function rawHourlyRows(scope: RawScope): string {
  return visitRows(scope, [["date_trunc('hour', v.started_at, 'UTC')", "hour"]]);
}
