import type { Kind } from "@/lib/analytics/rollups/aggregate-sql";
import type { Filters } from "@/lib/analytics/types";
import { dayStart, eventConditions, EVENTS_IN_PERIOD, periodBounds, visitConditions } from "./filters";
import { roundedSeconds, VISIT_METRICS, VISIT_MS } from "./metrics-sql";

// The rows every summed view reads, computed from raw visits and events: one per local day
// and value of a kind (the totals, or a dimension's values), with unique visitors, visits,
// pageviews, bounces, duration (seconds, the day's sum rounded once) and custom events — the
// rows Postgres keeps in daily_stats (lib/analytics/rollups/aggregate-sql.ts), the same way.
//
// A visit counts on the local day it started. Page and event rows count events on the local
// day of their ts (unfiltered every event of the days, filtered those of the filtered
// visits): one row per (day, value, visit) first, with that visit's bounce and length, so a
// page's bounce rate is that of the visits that viewed it. Empty visit values are left out.

export const DAY_ROW_COLUMNS = "day, value, visitors, visits, pageviews, bounces, duration_sum, events";

const visitRows = (value: string, where: string, conditions: string) => `SELECT toDate(v.started_at, {tz:String}) AS day, ${value} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${where}${conditions}
  GROUP BY day, value`;

// What differs between page rows (pageviews by path) and event rows (custom events by name).
export const EVENT_ROWS = {
  page: { match: "e.name = 'pageview'", value: "e.pathname", pageviews: "sum(g.n)", events: "toUInt64(0)" },
  event: { match: "e.name != 'pageview'", value: "e.name", pageviews: "sum(x.pageviews)", events: "sum(g.n)" },
};

/** The metric columns of event rows grouped from `g` (a visit's events of a day and value, n of them) joined to its visit `x`. */
export const eventMetrics = (which: "page" | "event") =>
  `uniqExact(g.visitor_id) AS visitors, count() AS visits, ${EVENT_ROWS[which].pageviews} AS pageviews,
    countIf(x.found AND x.pageviews <= 1 AND x.events = 0) AS bounces, ${roundedSeconds("sum(x.ms)")} AS duration_sum, ${EVENT_ROWS[which].events} AS events`;

/**
 * The visits joined to event rows, from a day earlier: a visit that began the day before
 * still has its bounce and length on the pages it viewed in these days.
 */
export const joinedVisits = (visits: string) => `LEFT JOIN (
    SELECT v.visit_id AS visit_id, true AS found, v.pageviews AS pageviews, v.events AS events, ${VISIT_MS} AS ms
    FROM visits AS v FINAL
    WHERE v.site_id = {site:String} AND v.started_at >= lo - INTERVAL 1 DAY AND v.started_at < hi${visits}
  ) AS x ON x.visit_id = g.visit_id`;

/**
 * The period's page or event rows per (local day, value, visit): its visitor, the number n of
 * its events, and `columns` (", any(e.country) AS country" …), of the events `conditions` keep.
 */
export const eventsPerVisit = (which: "page" | "event", conditions = "", columns = "") => `SELECT toDate(e.ts, {tz:String}) AS day, ${EVENT_ROWS[which].value} AS value,
      e.visit_id AS visit_id, any(e.visitor_id) AS visitor_id, count() AS n${columns}
    FROM events AS e
    WHERE e.site_id = {site:String} AND ${EVENTS_IN_PERIOD} AND ${EVENT_ROWS[which].match}${conditions}
    GROUP BY day, value, visit_id`;

const eventRows = (which: "page" | "event", events: string, visits: string) => `SELECT g.day AS day, g.value AS value, ${eventMetrics(which)}
  FROM (
    ${eventsPerVisit(which, events)}
  ) AS g
  ${joinedVisits(visits)}
  GROUP BY day, value`;

// Goals need only the visitors and the hits of page and event rows, not the visits' bounce and
// length: without the join to visits these rows cost a fraction.
const leanEventRows = (which: "page" | "event", events: string) => {
  const rows = EVENT_ROWS[which];
  const hits = which === "page" ? ["count()", "toUInt64(0)"] : ["toUInt64(0)", "count()"];
  return `SELECT toDate(e.ts, {tz:String}) AS day, ${rows.value} AS value, uniqExact(e.visitor_id) AS visitors, toUInt64(0) AS visits,
    ${hits[0]} AS pageviews, toUInt64(0) AS bounces, toInt64(0) AS duration_sum, ${hits[1]} AS events
  FROM events AS e
  WHERE e.site_id = {site:String} AND ${EVENTS_IN_PERIOD} AND ${rows.match}${events}
  GROUP BY day, value`;
};

/** Which columns a reader needs: all, or (lean) of page and event rows only visitors and their hits (pageviews, events). */
export type RowShape = "full" | "lean";

/**
 * A self-contained SELECT of (DAY_ROW_COLUMNS) for one kind, over the local days from the
 * parameter `from` to `to` (inclusive), with the visits the filters keep. Page and event
 * rows of filtered visits count the visits started from those days, or from the local day
 * of the parameter `startedFrom` when given (the recent days of a longer period).
 */
export function rawDayRowsSql(kind: Kind, filters: Filters, from = "from", to = "to", shape: RowShape = "full", startedFrom?: string): string {
  const events = eventConditions(filters, startedFrom ? dayStart(startedFrom) : "lo");
  const rows =
    kind === "total"
      ? visitRows("''", "", visitConditions(filters))
      : kind === "page" || kind === "event"
        ? shape === "lean"
          ? leanEventRows(kind, events)
          : eventRows(kind, events, visitConditions(filters))
        : visitRows(`v.${kind}`, ` AND v.${kind} != ''`, visitConditions(filters));
  return `WITH ${periodBounds(from, to)}
  ${rows}`;
}
