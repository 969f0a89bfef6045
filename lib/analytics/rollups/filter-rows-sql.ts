import type { Dimension } from "@/lib/analytics/types";
import { KINDS, rawSourceCtes, utcBounds, VISIT_METRICS, type Kind, type RawScope } from "./aggregate-sql";
import { mapMetricColumns, METRIC_COLUMN_LIST, METRIC_COLUMN_LIST as COLUMNS } from "./metric-columns";

// Rows of daily_filter_stats: the dashboard's panels for a view filtered by one value of a
// low-cardinality visit dimension (country = DE, browser = Firefox …), computed for one
// local day by the rollup refresher over the same fv/fe CTEs as daily_stats
// (aggregate-sql.ts). With them, such a view reads rollups for its panels instead of
// scanning a month of visits and their events (source.ts). The filter's total and its own
// dimension need no rows here: they are daily_stats' rows of that value.
//
// Visit rows count the filtered visits on the local day they started, as daily_stats does.
// Page and event rows count every event of the day whose visit has that value, also a
// visit that began the day before (as daily_stats' page rows do); a filtered view counts
// only visits that began in its period, so its first day is read raw (source.ts).
//
// A page filter (the visits that viewed a path) has rows too, for every path viewed that
// day (filter 'page', filter_value the path): its totals and the kinds of PAGE_FILTER_KINDS,
// over the day's visits and events, each repeated for every path its visit viewed. Read raw,
// such a view scans a month of events (1M pageviews: 2.5 s); its rows cost the refresher a
// statement of their own (refreshPageFilterRowsSql).

export const FILTER_DIMENSIONS = ["channel", "country", "browser", "os", "device"] as const satisfies readonly Dimension[];
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

// Every filter keeps the dashboard's first tabs (channels, pages, countries, browsers), the
// goals' page and event rows, and the other low-cardinality visit dimensions; the
// high-cardinality kinds only where the filter narrows them down (a country's regions and
// cities, a channel's sources). The other tabs of such a view (UTM, entry and exit pages)
// stay raw: each kind costs the refresher a grouping set per filter.
const SHARED_KINDS = ["channel", "page", "country", "browser", "os", "device", "event"] as const;
const OWN_KINDS: Partial<Record<FilterDimension, readonly Kind[]>> = { channel: ["source"], country: ["region", "city"] };

export function isFilterDimension(dimension: Dimension): dimension is FilterDimension {
  return (FILTER_DIMENSIONS as readonly Dimension[]).includes(dimension);
}

/** The kinds a page filter keeps rows of (on both engines): all of them filter rows, its totals and top pages too. */
export const PAGE_FILTER_KINDS: readonly Kind[] = ["total", "channel", "page", "country", "browser", "os", "device", "event"];

/** Whether a view filtered by one value of `dimension` finds its `kind` rows among the filter rows (daily_filter_stats, filter_day_rows). */
export function keepsFilterRows(dimension: Dimension, kind: Kind): boolean {
  if (dimension === "page") return PAGE_FILTER_KINDS.includes(kind);
  return isFilterDimension(dimension) && hasFilterRows(dimension, kind);
}

/** Whether daily_filter_stats holds `kind` rows for a view filtered by `filter` (its own dimension and total are daily_stats'). */
export function hasFilterRows(filter: FilterDimension, kind: Kind): boolean {
  return kind !== filter && ((SHARED_KINDS as readonly Kind[]).includes(kind) || (OWN_KINDS[filter]?.includes(kind) ?? false));
}

type VisitKind = Exclude<Kind, "total" | "page" | "event">;
const isVisitKind = (kind: Kind): kind is VisitKind => kind !== "total" && kind !== "page" && kind !== "event";
const PAGE_VISIT_KINDS = PAGE_FILTER_KINDS.filter(isVisitKind);

/** Which of `columns` a grouping set groups by, as GROUPING(columns…) reports it (0 bits = grouped). */
function groupingMask(columns: readonly string[], grouped: readonly string[]): number {
  return columns.reduce((mask, column, i) => (grouped.includes(column) ? mask : mask | (1 << (columns.length - 1 - i))), 0);
}

// (filter, dimension) pairs of visit rows, and the columns they group. A pair of two filter
// dimensions (country × browser) is one grouping set read both ways.
const VISIT_PAIRS = FILTER_DIMENSIONS.flatMap((filter) => KINDS.filter(isVisitKind).filter((kind) => hasFilterRows(filter, kind)).map((kind) => ({ filter, kind })));
const VISIT_COLUMNS = [...new Set(VISIT_PAIRS.flatMap(({ filter, kind }) => [filter, kind]))];
const VISIT_SETS = [...new Map(VISIT_PAIRS.map(({ filter, kind }) => [groupingMask(VISIT_COLUMNS, [filter, kind]), [filter, kind]])).values()];

const pick = (name: string, columns: readonly string[], alias: string) => `CASE ${name} ${columns.map((c) => `WHEN '${c}' THEN ${alias}.${c}`).join(" ")} END`;

/**
 * The visit rows of every filter: one pass over fv with a grouping set per (filter,
 * dimension) pair. Unique visitors as aggregate-sql.ts' visitRows counts them for many
 * kinds: visitors with one visit in scope count once, the few with several are
 * de-duplicated per group.
 */
function filterVisitRows(): string {
  const columns = VISIT_COLUMNS.map((c) => `v.${c}`).join(", ");
  const sets = VISIT_SETS.map((set) => `(${set.map((c) => `v.${c}`).join(", ")})`).join(", ");
  const pairs = VISIT_PAIRS.map(({ filter, kind }) => `(${groupingMask(VISIT_COLUMNS, [filter, kind])}, '${filter}', '${kind}')`).join(", ");
  // One row per (filter, dimension) pair a grouping set stands for.
  const rows = (aggregates: string, where: string) => `SELECT p.filter, ${pick("p.filter", VISIT_COLUMNS, "g")} AS filter_value,
      p.dimension, g.day, ${pick("p.dimension", VISIT_COLUMNS, "g")} AS value, ${METRIC_COLUMN_LIST}
    FROM (SELECT GROUPING(${columns}) AS mask, v.day, ${columns}, ${aggregates} FROM fv v WHERE ${where} GROUP BY v.day, GROUPING SETS (${sets})) g
    JOIN (VALUES ${pairs}) p(mask, filter, dimension) ON p.mask = g.mask`;
  const single = `count(*) FILTER (WHERE NOT v.multi) AS visitors, ${VISIT_METRICS}`;
  const multi = `count(DISTINCT v.visitor_id) AS visitors, ${ZERO_METRICS}`;
  return sumParts(`${rows(single, "true")} UNION ALL ${rows(multi, "v.multi")}`);
}

const ZERO_METRICS = "0 AS visits, 0 AS pageviews, 0 AS bounces, 0 AS duration_sum, 0 AS events";

// Rows of two parts added up per key: the visitors with a single visit in scope, counted
// with the other sums, and those with several, de-duplicated (a UNION and one aggregate
// rather than a join, whose size the planner cannot foresee here).
function sumParts(parts: string): string {
  return `SELECT filter, filter_value, dimension, day, value, ${mapMetricColumns((c) => (c === "duration_sum" ? `sum(${c})::int8 AS ${c}` : `sum(${c})::int AS ${c}`))}
  FROM (${parts}) r WHERE filter_value <> '' AND (value <> '' OR dimension = 'total') GROUP BY filter, filter_value, dimension, day, value`;
}

const FILTER_COLUMNS = FILTER_DIMENSIONS.map((f) => `x.${f}`).join(", ");

/**
 * CTE fx: the day's events grouped per (kind, day, value, visit), with the visit's bounce,
 * duration and filter columns — computed once for the page and event rows of every filter.
 * Visits are looked up as daily_stats' page rows look them up (aggregate-sql.ts); `multi`:
 * the visitor has several visits among them.
 */
export function filterEventsCte(scope: RawScope): string {
  const { lo, hi } = utcBounds(scope);
  return `fx AS MATERIALIZED (
    SELECT g.kind, g.day, g.value, g.visit_id, g.visitor_id, g.n, x.pageviews, x.events, extract(epoch FROM x.ended_at - x.started_at) AS duration,
      min(g.visit_id) OVER w <> max(g.visit_id) OVER w AS multi, ${FILTER_COLUMNS}
    FROM (
      SELECT CASE WHEN fe.name = 'pageview' THEN 'page' ELSE 'event' END AS kind, fe.day,
        CASE WHEN fe.name = 'pageview' THEN fe.pathname ELSE fe.name END AS value, fe.visit_id, min(fe.visitor_id) AS visitor_id, count(*) AS n
      FROM fe GROUP BY 1, 2, 3, 4
    ) g
    JOIN visits x ON x.site_id = ${scope.site} AND x.visit_id = g.visit_id AND x.started_at >= ${lo} - interval '1 day' AND x.started_at < ${hi}
    WINDOW w AS (PARTITION BY g.visitor_id)
  )`;
}

// Sums of fx rows as aggregate-sql.ts' eventRows: the visitors with one visit among them
// counted with the other sums, those with several de-duplicated (sumParts).
const EVENT_SINGLE = `count(*) FILTER (WHERE NOT multi) AS visitors, count(*) AS visits,
      CASE kind WHEN 'page' THEN sum(n) ELSE coalesce(sum(pageviews), 0) END AS pageviews,
      count(*) FILTER (WHERE pageviews <= 1 AND events = 0) AS bounces, coalesce(round(sum(duration)), 0) AS duration_sum,
      CASE kind WHEN 'page' THEN 0 ELSE sum(n) END AS events`;
const EVENT_MULTI = `count(DISTINCT visitor_id) AS visitors, ${ZERO_METRICS}`;

const EVENT_FILTERS = FILTER_DIMENSIONS.filter((f) => hasFilterRows(f, "page") || hasFilterRows(f, "event"));

/** The page and event rows of every filter: one pass over fx, sums as aggregate-sql.ts' eventRows. */
function filterEventRows(): string {
  const columns = EVENT_FILTERS.join(", ");
  const filter = `CASE GROUPING(${columns}) ${EVENT_FILTERS.map((f) => `WHEN ${groupingMask(EVENT_FILTERS, [f])} THEN '${f}'`).join(" ")} END`;
  const rows = (aggregates: string, where: string) => `SELECT ${filter} AS filter, coalesce(${columns}) AS filter_value, kind AS dimension, day, value, ${aggregates}
    FROM fx WHERE ${where} GROUP BY kind, day, value, GROUPING SETS (${EVENT_FILTERS.map((f) => `(${f})`).join(", ")})`;
  const kept = (kind: "page" | "event") => `e.dimension = '${kind}' AND e.filter IN (${EVENT_FILTERS.filter((f) => hasFilterRows(f, kind)).map((f) => `'${f}'`).join(", ")})`;
  return `SELECT * FROM (${sumParts(`${rows(EVENT_SINGLE, "true")} UNION ALL ${rows(EVENT_MULTI, "multi")}`)}) e WHERE ${kept("page")} OR ${kept("event")}`;
}

/**
 * CTE vp: the paths each visit of the day viewed, one row per (visit, path). The visits are
 * those of fv (begun that day) and of fx (with events that day, begun then or the day
 * before), so their pageviews lie from the day before to the day after: one range read of
 * the (site_id, ts) index. The name is tested as an expression so that the partial pageview
 * index, which stale statistics can make look cheaper, is never scanned for it.
 */
function visitPathsCte(scope: RawScope): string {
  const { lo, hi } = utcBounds(scope);
  return `vp AS MATERIALIZED (
    SELECT DISTINCT e.visit_id, e.pathname AS page FROM events e
    WHERE e.site_id = ${scope.site} AND e.ts >= ${lo} - interval '1 day' AND e.ts < ${hi} + interval '1 day' AND e.name || '' = 'pageview'
      AND e.visit_id IN (SELECT visit_id FROM fv UNION SELECT visit_id FROM fx)
  )`;
}

/**
 * A page filter's rows (filter 'page', filter_value the path), for every path a visit viewed:
 * its visit rows over fv, a row per path of each visit, a grouping set per kind and one for
 * the totals; its page and event rows over fx the same way. A visit of n paths counts n times,
 * so the cost grows with the square of a visit's distinct paths (FITS_CTE bounds it).
 */
function pageFilterRows(): string {
  const columns = PAGE_VISIT_KINDS.map((c) => `v.${c}`).join(", ");
  const dimension = `CASE GROUPING(${columns}) WHEN ${groupingMask(PAGE_VISIT_KINDS, [])} THEN 'total' ${PAGE_VISIT_KINDS.map((k) => `WHEN ${groupingMask(PAGE_VISIT_KINDS, [k])} THEN '${k}'`).join(" ")} END`;
  const visitRows = (aggregates: string, where: string) => `SELECT 'page' AS filter, p.page AS filter_value, ${dimension} AS dimension, v.day,
      coalesce(${columns}, '') AS value, ${aggregates}
    FROM fv v JOIN vp p ON p.visit_id = v.visit_id WHERE ${where}
    GROUP BY p.page, v.day, GROUPING SETS ((), ${PAGE_VISIT_KINDS.map((k) => `(v.${k})`).join(", ")})`;
  const eventRows = (aggregates: string, where: string) => `SELECT 'page' AS filter, p.page AS filter_value, kind AS dimension, day, value, ${aggregates}
    FROM fx x JOIN vp p ON p.visit_id = x.visit_id WHERE ${where}
    GROUP BY p.page, kind, day, value`;
  return sumParts(
    [
      visitRows(`count(*) FILTER (WHERE NOT v.multi) AS visitors, ${VISIT_METRICS}`, "true"),
      visitRows(`count(DISTINCT v.visitor_id) AS visitors, ${ZERO_METRICS}`, "v.multi"),
      eventRows(EVENT_SINGLE, "true"),
      eventRows(EVENT_MULTI, "multi"),
    ].join(" UNION ALL "),
  );
}

const KEYS = "filter, filter_value, dimension, value";

/**
 * CTEs that bring some of one site-day's daily_filter_stats rows (those whose filter passes
 * `filters`, a predicate on the column filter) up to the rows of filter_computed: only rows
 * whose numbers changed are written — an upsert probes the index once per row, and the rows
 * of a day only change by the few visits since the last refresh — and rows of values that
 * vanished are deleted; one join of the computed and the stored rows finds both.
 */
function storeFilterRowsCtes(p: { site: string; day: string }, filters: string): string {
  const changed = `(${mapMetricColumns((c) => `c.${c}`)}) IS DISTINCT FROM (${mapMetricColumns((c) => `o.${c}`)})`;
  return `filter_old AS MATERIALIZED (
  SELECT ${KEYS}, ${COLUMNS} FROM daily_filter_stats WHERE site_id = ${p.site} AND day = ${p.day} AND ${filters}
), filter_changes AS MATERIALIZED (
  SELECT ${KEYS}, c.filter IS NULL AS gone, ${mapMetricColumns((col) => `c.${col}`)}
  FROM filter_computed c FULL JOIN filter_old o USING (${KEYS})
  WHERE c.filter IS NULL OR o.filter IS NULL OR ${changed}
), filter_written AS (
  INSERT INTO daily_filter_stats (site_id, day, ${KEYS}, ${COLUMNS})
  SELECT ${p.site}, ${p.day}, ${KEYS}, ${COLUMNS} FROM filter_changes WHERE NOT gone
  ORDER BY ${KEYS}
  ON CONFLICT (site_id, day, ${KEYS}) DO UPDATE SET ${mapMetricColumns((c) => `${c} = excluded.${c}`)}
), filter_gone AS (
  DELETE FROM daily_filter_stats d USING filter_changes g
  WHERE g.gone AND d.site_id = ${p.site} AND d.day = ${p.day} AND (d.filter, d.filter_value, d.dimension, d.value) = (g.filter, g.filter_value, g.dimension, g.value)
)`;
}

/**
 * CTEs that bring the low-cardinality filters' rows of one site-day up to date inside the
 * refresher's statement (refresh-daily.ts; `site` and `day` are its parameters), over its fv
 * CTE (rawSourceCtes(scope)).
 */
export function refreshFilterRowsCtes(scope: RawScope, p: { site: string; day: string }): string {
  return `${filterEventsCte(scope)}, filter_computed AS MATERIALIZED (
  ${filterVisitRows()}
  UNION ALL ${filterEventRows()}
), ${storeFilterRowsCtes(p, "filter <> 'page'")}`;
}

/**
 * The statement that brings one site-day's page filter rows up to date (refresh-daily.ts runs
 * it after the other rollups, in the same transaction and with nested loops off: its joins of
 * CTEs, whose sizes the planner cannot see, are hash joins then, linear in their rows however
 * stale the statistics). A statement of its own keeps each of the refresher's statements short.
 */
export function refreshPageFilterRowsSql(scope: RawScope, p: { site: string; day: string }): string {
  return `WITH ${rawSourceCtes(scope)}, ${filterEventsCte(scope)}, ${visitPathsCte(scope)}, ${FITS_CTE}, filter_computed AS MATERIALIZED (
  SELECT * FROM (${pageFilterRows()}) r WHERE (SELECT ok FROM fits)
), ${storeFilterRowsCtes(p, "filter = 'page'")}, gap_opened AS (
  INSERT INTO page_filter_gaps (site_id, day) SELECT ${p.site}, ${p.day} WHERE NOT (SELECT ok FROM fits) ON CONFLICT DO NOTHING
), gap_closed AS (
  DELETE FROM page_filter_gaps WHERE site_id = ${p.site} AND day = ${p.day} AND (SELECT ok FROM fits)
)
SELECT count(*)::int AS changed FROM filter_changes`;
}

/**
 * A page filter's rows repeat each visit's rows once per path it viewed: n paths cost about n²
 * rows. A day whose visits would cost more than PAIRS_PER_PATH per (visit, path) on average
 * (plus a margin for small days) gets none: a crawler with a browser's user agent, or a test
 * whose traffic all comes from one address, makes visits of hundreds of paths. The day is
 * recorded in page_filter_gaps instead, and a view filtered by a page that includes it reads
 * raw visits and events (engines/postgres/page-filter-gaps.ts). A day of the 1M demo costs 3.5
 * rows a path.
 */
const PAIRS_PER_PATH = 50;
const PAIRS_MARGIN = 100_000;
const FITS_CTE = `fits AS MATERIALIZED (
    SELECT coalesce(sum(n * n), 0) <= ${PAIRS_PER_PATH} * coalesce(sum(n), 0) + ${PAIRS_MARGIN} AS ok
    FROM (SELECT count(*) AS n FROM vp GROUP BY visit_id) s
  )`;

/** SQL ($1 site, $2 and $3 the local dates from..to): whether a day of the period has no page filter rows. */
export const PAGE_FILTER_GAP_IN = "SELECT EXISTS (SELECT 1 FROM page_filter_gaps WHERE site_id = $1 AND day BETWEEN $2::date AND $3::date) AS gap";
