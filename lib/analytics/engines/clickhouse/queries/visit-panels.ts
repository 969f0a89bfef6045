import type { ClickHouse, QueryParams } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { keptSpan, readsKeptUnfiltered } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { addDays } from "@/lib/analytics/dates";
import { MAX_BREAKDOWN_LIMIT, toBreakdownRow, type BreakdownSqlRow } from "@/lib/analytics/query/breakdown-sql";
import { toMetrics, type SumsRow } from "@/lib/analytics/query/metrics";
import { createScanBatcher } from "@/lib/analytics/query/scan-batcher";
import { toTimeseriesPoint } from "@/lib/analytics/query/timeseries-sql";
import { METRIC_COLUMNS } from "@/lib/analytics/rollups/metric-columns";
import type { Dimension, StatsQuery } from "@/lib/analytics/types";
import { NO_INDEX_FOR_VISIT_LOOKUP, PERIOD_BOUNDS, periodBounds, statsParams, visitConditions } from "./filters";
import { SUMS, VISIT_METRICS } from "./metrics-sql";

// The visit panels of a view asked for in the same turn, in one statement: the top stats,
// the graph (days or months) and every visit dimension's panel. Read from raw visits
// (filtered views, mostly), they are GROUPING SETS of one scan of the period's visits,
// instead of one scan each; each set groups by local day first, exactly as the per-panel
// queries do (day-rows.ts: unique visitors per day, summed over the days), so the numbers are
// theirs. An unfiltered view reads the kept rows of its days that are over instead
// (day-rows-cache.ts), and the same GROUPING SETS of its recent days' visits.

/** Dimensions whose values are the visit's own (page and event read events). */
export type VisitDimension = Exclude<Dimension, "page" | "event">;

export const isVisitDimension = (dimension: Dimension): dimension is VisitDimension => dimension !== "page" && dimension !== "event";

export type VisitPart = { kind: "totals" } | { kind: "timeseries" } | { kind: "breakdown"; dimension: VisitDimension; limit: number; offset: number };

type PanelSqlRow = SumsRow & { kind: string; value: string; bucket: string };

// Grouping by local day and one dimension; `kind` and `value` say which set a row is of.
const setOf = (dimension: VisitDimension) => `(day, v.${dimension})`;

/** Of a row of GROUPING SETS that each group by one of `columns` (of `alias`): the name of that column, else `otherwise`. */
export const groupedName = (alias: string, columns: readonly string[], otherwise = "''") =>
  columns.length === 0 ? otherwise : `multiIf(${columns.map((c) => `grouping(${alias}.${c}) = 0, '${c}'`).join(", ")}, ${otherwise})`;
/** Of the same row: that column's value as text ('' for NULL). */
export const groupedValue = (alias: string, columns: readonly string[]) =>
  columns.length === 0 ? "''" : `multiIf(${columns.map((c) => `grouping(${alias}.${c}) = 0, toString(ifNull(${alias}.${c}, ''))`).join(", ")}, '')`;

// Rows of (day, kind, value, metrics) from raw visits: per local day, the total and each dimension's values.
const rawVisitRows = (dimensions: VisitDimension[], conditions: string) => `SELECT toDate(v.started_at, {tz:String}) AS day, ${groupedName("v", dimensions, "'total'")} AS kind, ${groupedValue("v", dimensions)} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${conditions}
  GROUP BY GROUPING SETS ((day)${dimensions.map((d) => `, ${setOf(d)}`).join("")})`;

// The same rows of an unfiltered view: kept from `from` to `kept_to`, raw from lo (`recent_from`) to hi.
const keptVisitRows = (dimensions: VisitDimension[], recent: boolean) => `SELECT day, kind, value, visitors, visits, pageviews, bounces, duration_sum, events
  FROM day_rows FINAL
  WHERE site_id = {site:String} AND timezone = {tz:String} AND kind IN {kinds:Array(String)} AND day >= {from:Date} AND day <= {kept_to:Date}${
    recent ? `\n  UNION ALL\n  ${rawVisitRows(dimensions, "")}` : ""
  }`;

// Out of those rows: the total per bucket (a day or a month of the graph; the top stats sum
// them) and each dimension's values over the period, best first, `rows` of each at most.
// Empty values are left out, as in the per-panel queries.
const visitPanelsSql = (bounds: string, rows: string) => `WITH ${bounds}
SELECT kind, value, if(kind = 'total', formatDateTime(day, {bucket:String}), '') AS bucket, ${SUMS}
FROM (
  ${rows}
)
WHERE kind = 'total' OR value != ''
GROUP BY kind, value, bucket
ORDER BY kind, visitors DESC, pageviews DESC, value, bucket
LIMIT {rows:UInt32} BY kind
${NO_INDEX_FOR_VISIT_LOOKUP}`;

/** The statement of the view's visit panels of `dimensions`, and its parameters. */
async function visitPanelsQuery(ch: ClickHouse, q: StatsQuery, dimensions: VisitDimension[]): Promise<{ sql: string; params: QueryParams }> {
  if (!readsKeptUnfiltered(q)) return { sql: visitPanelsSql(PERIOD_BOUNDS, rawVisitRows(dimensions, visitConditions(q.filters))), params: statsParams(q) };
  const span = await keptSpan(ch, q);
  return {
    sql: visitPanelsSql(periodBounds("recent_from", "to"), keptVisitRows(dimensions, span.recent)),
    params: { ...statsParams(q), ...span.params, kinds: ["total", ...dimensions] },
  };
}

const BUCKET_FORMAT = { day: "%Y-%m-%d", month: "%Y-%m" } as const;

/** The graph's buckets of the period, in order: its days, or the months they fall in. */
function buckets(q: StatsQuery): string[] {
  const all: string[] = [];
  for (let day = q.range.from; day <= q.range.to; day = addDays(day, 1)) {
    const bucket = q.range.interval === "month" ? day.slice(0, 7) : day;
    if (all[all.length - 1] !== bucket) all.push(bucket);
  }
  return all;
}

const ZERO = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, 0])) as SumsRow;

// The sums are of whole numbers far below 2^53: exact in any order.
function sumRows(rows: SumsRow[]): SumsRow {
  const sum = { ...ZERO };
  for (const row of rows) for (const c of METRIC_COLUMNS) sum[c] += row[c];
  return sum;
}

/** One statement for all the parts; each part's answer in the order of `parts`. */
export function visitPanels(ch: ClickHouse, q: StatsQuery, parts: VisitPart[]): Array<Promise<unknown>> {
  const dimensions = [...new Set(parts.flatMap((p) => (p.kind === "breakdown" ? [p.dimension] : [])))];
  const days = buckets(q); // also the most total rows
  const rows = Math.max(days.length, ...parts.map((p) => (p.kind === "breakdown" ? Math.min(p.limit, MAX_BREAKDOWN_LIMIT) + p.offset : 0)));
  const bucket = q.range.interval === "month" ? BUCKET_FORMAT.month : BUCKET_FORMAT.day;
  const answer = visitPanelsQuery(ch, q, dimensions).then(({ sql, params }) => ch.query<PanelSqlRow>(sql, { ...params, bucket, rows }));
  return parts.map(async (part) => {
    const found = await answer;
    const totals = found.filter((r) => r.kind === "total");
    switch (part.kind) {
      case "totals":
        return toMetrics(sumRows(totals));
      case "timeseries": {
        const byBucket = new Map(totals.map((r) => [r.bucket, r]));
        return days.map((b) => toTimeseriesPoint({ ...(byBucket.get(b) ?? ZERO), bucket: b }));
      }
      case "breakdown":
        return found
          .filter((r) => r.kind === part.dimension)
          .slice(part.offset, part.offset + part.limit)
          .map((r: BreakdownSqlRow) => toBreakdownRow(r));
    }
  });
}

const batchers = new WeakMap<ClickHouse, (q: StatsQuery, part: VisitPart) => Promise<unknown>>();

/** The part's answer, from one statement with the other visit parts of its view asked for in this turn. */
export function visitPanelTogether(ch: ClickHouse, q: StatsQuery, part: VisitPart): Promise<unknown> {
  let together = batchers.get(ch);
  if (!together) batchers.set(ch, (together = createScanBatcher<VisitPart>((view, parts) => visitPanels(ch, view, parts))));
  return together(q, part);
}
