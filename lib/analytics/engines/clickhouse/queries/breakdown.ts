import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { MAX_BREAKDOWN_LIMIT, toBreakdownRow, type BreakdownSqlRow } from "@/lib/analytics/query/breakdown-sql";
import { DIMENSIONS, type BreakdownOptions, type BreakdownRow, type Dimension, type StatsQuery } from "@/lib/analytics/types";
import { eventConditions, PERIOD_BOUNDS, statsParams, visitConditions } from "./filters";
import { roundedSeconds, SUMS, VISIT_METRICS, VISIT_MS } from "./metrics-sql";

// One panel (or its "details" modal): the values of a dimension with their metrics, most
// visitors first, then most pageviews, then by value; `search` keeps the values that contain
// it, ignoring (ASCII) case as Postgres' lower() does in the C locale. Empty values are left out.
//
// A visit dimension groups the period's visits by their value, per local day. Page and event
// rows count events on the local day of their ts (unfiltered every event of the period,
// filtered those of the filtered visits): one row per (day, value, visit), with that visit's
// bounce and length, so a page's bounce rate is that of the visits that viewed it.

const MAX_SEARCH_LENGTH = 200;

const ORDER = `GROUP BY value ORDER BY visitors DESC, pageviews DESC, value
LIMIT {limit:UInt32} OFFSET {offset:UInt32}`;

const visitBreakdownSql = (column: string, conditions: string, search: string) => `WITH ${PERIOD_BOUNDS}
SELECT value, ${SUMS}
FROM (
  SELECT toDate(v.started_at, {tz:String}) AS day, v.${column} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi AND v.${column} != ''${conditions}
  GROUP BY day, value
)${search}
${ORDER}`;

// What differs between page rows (pageviews by path) and event rows (custom events by name).
const EVENT_ROWS = {
  page: { match: "e.name = 'pageview'", value: "e.pathname", pageviews: "sum(g.n)", events: "0" },
  event: { match: "e.name != 'pageview'", value: "e.name", pageviews: "sum(x.pageviews)", events: "sum(g.n)" },
};

// The visits are joined from a day earlier: a visit that began the day before the period
// still has its bounce and length on the pages it viewed in the period.
const eventBreakdownSql = (which: "page" | "event", events: string, visits: string, search: string) => {
  const rows = EVENT_ROWS[which];
  return `WITH ${PERIOD_BOUNDS}
SELECT value, ${SUMS}
FROM (
  SELECT g.day AS day, g.value AS value, uniqExact(g.visitor_id) AS visitors, count() AS visits, ${rows.pageviews} AS pageviews,
    countIf(x.found AND x.pageviews <= 1 AND x.events = 0) AS bounces, ${roundedSeconds("sum(x.ms)")} AS duration_sum, ${rows.events} AS events
  FROM (
    SELECT toDate(e.ts, {tz:String}) AS day, ${rows.value} AS value, e.visit_id AS visit_id, any(e.visitor_id) AS visitor_id, count() AS n
    FROM events AS e
    WHERE e.site_id = {site:String} AND e.ts >= lo AND e.ts < hi AND ${rows.match}${events}
    GROUP BY day, value, visit_id
  ) AS g
  LEFT JOIN (
    SELECT v.visit_id AS visit_id, true AS found, v.pageviews AS pageviews, v.events AS events, ${VISIT_MS} AS ms
    FROM visits AS v FINAL
    WHERE v.site_id = {site:String} AND v.started_at >= lo - INTERVAL 1 DAY AND v.started_at < hi${visits}
  ) AS x ON x.visit_id = g.visit_id
  GROUP BY day, value
)${search}
${ORDER}`;
};

export async function breakdown(ch: ClickHouse, q: StatsQuery, dimension: Dimension, options: BreakdownOptions = {}): Promise<BreakdownRow[]> {
  if (!DIMENSIONS.includes(dimension)) throw new Error(`unknown dimension ${String(dimension)}`);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), MAX_BREAKDOWN_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const search = options.search?.trim().slice(0, MAX_SEARCH_LENGTH);
  const where = search ? "\nWHERE position(lower(value), lower({search:String})) > 0" : "";
  const sql =
    dimension === "page" || dimension === "event"
      ? eventBreakdownSql(dimension, eventConditions(q.filters), visitConditions(q.filters), where)
      : visitBreakdownSql(dimension, visitConditions(q.filters), where);
  const rows = await ch.query<BreakdownSqlRow>(sql, { ...statsParams(q), limit, offset, search: search ?? "" });
  return rows.map(toBreakdownRow);
}
