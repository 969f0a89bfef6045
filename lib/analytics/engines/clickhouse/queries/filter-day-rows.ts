import { KINDS, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { FILTER_DIMENSIONS, hasFilterRows, type FilterDimension } from "@/lib/analytics/rollups/filter-rows-sql";
import { EVENT_ROWS, eventMetrics, joinedVisits } from "./day-rows";
import { PERIOD_BOUNDS } from "./filters";
import { VISIT_METRICS } from "./metrics-sql";
import { groupedName, groupedValue } from "./visit-panels";

// The rows of filter_day_rows (0003_filter_day_rows.sql) for the local days from..to,
// computed from raw visits and events: for each low-cardinality filter (channel, country,
// browser, OS, device) and each of its values, the day rows of the kinds
// lib/analytics/rollups/filter-rows-sql.ts lists — the rows day-rows.ts computes for a view
// filtered by that value, one statement per filter for the visit kinds and one for all
// filters for page and event rows. As on Postgres, page and event rows count every event of
// the day whose visit has the value, also a visit that began the day before; a view counts
// only visits that began in its period, so it reads its first day raw (day-rows-cache.ts).

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
  const rows = EVENT_ROWS[which];
  return `WITH ${PERIOD_BOUNDS}
SELECT filter, filter_value, '${which}' AS kind, day, value, visitors, visits, pageviews, bounces, duration_sum, events
FROM (
  SELECT g.day AS day, g.value AS value, ${groupedName("g", filters)} AS filter,
    ${groupedValue("g", filters)} AS filter_value, ${eventMetrics(which)}
  FROM (
    SELECT toDate(e.ts, {tz:String}) AS day, ${rows.value} AS value, e.visit_id AS visit_id, any(e.visitor_id) AS visitor_id, count() AS n,
      ${filters.map((f) => `any(e.${f}) AS ${f}`).join(", ")}
    FROM events AS e
    WHERE e.site_id = {site:String} AND e.ts >= lo AND e.ts < hi AND ${rows.match}
    GROUP BY day, value, visit_id
  ) AS g
  ${joinedVisits("")}
  GROUP BY GROUPING SETS (${filters.map((f) => `(g.day, g.value, g.${f})`).join(", ")})
)
WHERE filter_value != ''`;
}

/** Every statement that computes the days' filter rows. */
export const FILTER_ROW_STATEMENTS: readonly string[] = [...FILTER_DIMENSIONS.map(filterVisitRowsSql), filterEventRowsSql("page"), filterEventRowsSql("event")];
