import { KINDS, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { FILTER_DIMENSIONS, hasFilterRows, PAGE_FILTER_KINDS, type FilterDimension } from "@/lib/analytics/rollups/filter-rows-sql";
import { eventMetrics, eventsPerVisit, joinedVisits } from "./day-rows";
import { PERIOD_BOUNDS } from "./filters";
import { VISIT_METRICS, VISIT_MS } from "./metrics-sql";
import { groupedName, groupedValue } from "./grouping-sets";

// The rows of filter_day_rows (0003_filter_day_rows.sql) for the local days from..to,
// computed from raw visits and events: for each low-cardinality filter (channel, country,
// browser, OS, device) and each of its values, the day rows of the kinds
// lib/analytics/rollups/filter-rows-sql.ts lists — the rows day-rows.ts computes for a view
// filtered by that value, one statement per filter for the visit kinds and one for all
// filters for page and event rows. As on Postgres, page and event rows count every event of
// the day whose visit has the value, also a visit that began the day before; a view counts
// only visits that began in its period, so it reads its first day raw (day-rows-cache.ts).
//
// A page filter (the visits that viewed a path) keeps rows too, for every path a visit
// viewed that day: its totals, the dashboard's first tabs and the goals' rows (PAGE_FILTER_KINDS),
// the visit rows grouped over arrayJoin(pages), the page and event rows over the events of
// the visits (begun that day or the day before) that viewed each path. A page seen in a fifth
// of the visits selects a third of the events: read raw, such a view costs seconds at 10M
// pageviews; kept, a few thousand rows a day.

export const FILTER_ROW_COLUMNS = "filter, filter_value, kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events";

type VisitKind = Exclude<Kind, "total" | "page" | "event">;

const visitKinds = (filter: FilterDimension) =>
  KINDS.filter((kind): kind is VisitKind => kind !== "total" && kind !== "page" && kind !== "event" && hasFilterRows(filter, kind));

/** One filter's visit rows: each of its kinds a grouping set of one scan of the days' visits. */
export function filterVisitRowsSql(filter: FilterDimension): string {
  const kinds = visitKinds(filter);
  return `WITH ${PERIOD_BOUNDS}
SELECT '${filter}' AS filter, filter_value, kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events
FROM (
  SELECT toDate(v.started_at, {tz:String}) AS day, toString(ifNull(v.${filter}, '')) AS filter_value,
    ${groupedName("v", kinds)} AS kind, ${groupedValue("v", kinds)} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi
  GROUP BY GROUPING SETS (${kinds.map((k) => `(day, filter_value, v.${k})`).join(", ")})
)
WHERE filter_value != '' AND value != ''`;
}

/** Page or event rows of every filter: each filter a grouping set of one pass over the days' events. */
export function filterEventRowsSql(which: "page" | "event"): string {
  const filters = FILTER_DIMENSIONS.filter((f) => hasFilterRows(f, which));
  return `WITH ${PERIOD_BOUNDS}
SELECT filter, filter_value, '${which}' AS kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events
FROM (
  SELECT g.day AS day, g.value AS value, ${groupedName("g", filters)} AS filter,
    ${groupedValue("g", filters)} AS filter_value, ${eventMetrics(which)}
  FROM (
    ${eventsPerVisit(which, "", filters.map((f) => `, any(e.${f}) AS ${f}`).join(""))}
  ) AS g
  ${joinedVisits("")}
  GROUP BY GROUPING SETS (${filters.map((f) => `(g.day, g.value, g.${f})`).join(", ")})
)
WHERE filter_value != ''`;
}

const PAGE_VISIT_KINDS = PAGE_FILTER_KINDS.filter((kind): kind is VisitKind => kind !== "total" && kind !== "page" && kind !== "event");

/** The page filter's visit rows: its totals and each visit kind, grouping sets of one scan of the days' visits, a row per path viewed. */
export function pageFilterVisitRowsSql(): string {
  return `WITH ${PERIOD_BOUNDS}
SELECT 'page' AS filter, filter_value, kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events
FROM (
  SELECT toDate(v.started_at, {tz:String}) AS day, arrayJoin(v.pages) AS filter_value,
    ${groupedName("v", PAGE_VISIT_KINDS, "'total'")} AS kind, ${groupedValue("v", PAGE_VISIT_KINDS)} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi
  GROUP BY GROUPING SETS ((day, filter_value)${PAGE_VISIT_KINDS.map((k) => `, (day, filter_value, v.${k})`).join("")})
)
WHERE filter_value != '' AND (kind = 'total' OR value != '')`;
}

/**
 * The page filter's page or event rows: the day's events grouped per (day, value, visit),
 * each joined to its visit (begun that day or the day before) once per path the visit viewed.
 */
export function pageFilterEventRowsSql(which: "page" | "event"): string {
  return `WITH ${PERIOD_BOUNDS}
SELECT 'page' AS filter, filter_value, '${which}' AS kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events
FROM (
  SELECT g.day AS day, g.value AS value, x.filter_value AS filter_value, ${eventMetrics(which)}
  FROM (
    ${eventsPerVisit(which)}
  ) AS g
  INNER JOIN (
    SELECT v.visit_id AS visit_id, true AS found, v.pageviews AS pageviews, v.events AS events, ${VISIT_MS} AS ms,
      toDate(v.started_at, {tz:String}) AS started_day, arrayJoin(v.pages) AS filter_value
    FROM visits AS v FINAL
    WHERE v.site_id = {site:String} AND v.started_at >= lo - INTERVAL 1 DAY AND v.started_at < hi
  ) AS x ON x.visit_id = g.visit_id
  WHERE x.started_day >= g.day - 1
  GROUP BY g.day, g.value, x.filter_value
)
WHERE filter_value != ''`;
}

/** Every statement that computes the days' filter rows. */
export const FILTER_ROW_STATEMENTS: readonly string[] = [
  ...FILTER_DIMENSIONS.map(filterVisitRowsSql),
  filterEventRowsSql("page"),
  filterEventRowsSql("event"),
  pageFilterVisitRowsSql(),
  pageFilterEventRowsSql("page"),
  pageFilterEventRowsSql("event"),
];
