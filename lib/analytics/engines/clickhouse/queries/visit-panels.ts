import type { ClickHouse, QueryParams } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { keptRowsSql, keptSpan, readsRaw } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { addDays } from "@/lib/analytics/dates";
import { MAX_BREAKDOWN_LIMIT, toBreakdownRow, type BreakdownSqlRow } from "@/lib/analytics/query/breakdown-sql";
import { toMetrics, type SumsRow } from "@/lib/analytics/query/metrics";
import { createScanBatcher } from "@/lib/analytics/query/scan-batcher";
import { toTimeseriesPoint } from "@/lib/analytics/query/timeseries-sql";
import { METRIC_COLUMNS } from "@/lib/analytics/rollups/metric-columns";
import type { Dimension, StatsQuery } from "@/lib/analytics/types";
import { NO_INDEX_FOR_VISIT_LOOKUP, PERIOD_BOUNDS, periodBounds, statsParams, visitConditions } from "./filters";
import { groupedName, groupedValue } from "./grouping-sets";
import { SUMS, VISIT_METRICS } from "./metrics-sql";

// The visit panels of a view asked for in the same turn, in one statement: the top stats,
// the graph (days or months) and every visit dimension's panel. Read from raw visits (a view
// with several filters, or of recent days only), they are GROUPING SETS of one scan of the
// period's visits, instead of one scan each; each set groups by local day first, exactly as
// the per-panel queries do (day-rows.ts: unique visitors per day, summed over the days), so
// the numbers are theirs. A view whose panels are kept (day-rows-cache.ts: unfiltered, or
// one filter) reads the kept rows of its days that are over instead, and the same GROUPING
// SETS of one scan of its recent days' visits. Panels of both sorts in one view (one filter
// whose rows of some dimension are not kept) are two statements, one of each.

/** Dimensions whose values are the visit's own (page and event read events). */
export type VisitDimension = Exclude<Dimension, "page" | "event">;

export const isVisitDimension = (dimension: Dimension): dimension is VisitDimension => dimension !== "page" && dimension !== "event";

export type VisitPart = { kind: "totals" } | { kind: "timeseries" } | { kind: "breakdown"; dimension: VisitDimension; limit: number; offset: number };

type PanelSqlRow = SumsRow & { kind: string; value: string; bucket: string };

// Grouping by local day and one dimension; `kind` and `value` say which set a row is of.
const setOf = (dimension: VisitDimension) => `(day, v.${dimension})`;

// Rows of (day, kind, value, metrics) from raw visits from lo to hi (`bounds`): per local
// day, the total and each dimension's values.
const rawVisitRows = (dimensions: VisitDimension[], conditions: string, bounds: string) => `SELECT * FROM (WITH ${bounds}
  SELECT toDate(v.started_at, {tz:String}) AS day, ${groupedName("v", dimensions, "'total'")} AS kind, ${groupedValue("v", dimensions)} AS value, ${VISIT_METRICS}
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${conditions}
  GROUP BY GROUPING SETS ((day)${dimensions.map((d) => `, ${setOf(d)}`).join("")}))`;

// Out of those rows: the total per bucket (a day or a month of the graph; the top stats sum
// them) and each dimension's values over the period, best first, `rows` of each at most.
// Empty values are left out, as in the per-panel queries.
const visitPanelsSql = (rows: string) => `SELECT kind, value, if(kind = 'total', formatDateTime(day, {bucket:String}), '') AS bucket, ${SUMS}
FROM (
  ${rows}
)
WHERE kind = 'total' OR value != ''
GROUP BY kind, value, bucket
ORDER BY kind, visitors DESC, pageviews DESC, value, bucket
LIMIT {rows:UInt32} BY kind
${NO_INDEX_FOR_VISIT_LOOKUP}`;

/** The statement of the view's visit panels of `dimensions` (raw, or kept when `kept`), and its parameters. */
async function visitPanelsQuery(ch: ClickHouse, q: StatsQuery, dimensions: VisitDimension[], kept: boolean): Promise<{ sql: string; params: QueryParams }> {
  const conditions = visitConditions(q.filters);
  if (!kept) return { sql: visitPanelsSql(rawVisitRows(dimensions, conditions, PERIOD_BOUNDS)), params: statsParams(q) };
  const span = await keptSpan(ch, q);
  const rows = [keptRowsSql(q, ["total", ...dimensions])];
  if (span.recent) rows.push(rawVisitRows(dimensions, conditions, periodBounds("recent_from", "to")));
  return { sql: visitPanelsSql(rows.join("\n  UNION ALL\n  ")), params: { ...statsParams(q), ...span.params } };
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

// Whether the view's rows of the part's kind are kept (else raw).
const isKept = (q: StatsQuery, part: VisitPart) => !readsRaw(q, q.range, [part.kind === "breakdown" ? part.dimension : "total"]);

/** One statement for the kept parts and one for the raw ones; each part's answer in the order of `parts`. */
export function visitPanels(ch: ClickHouse, q: StatsQuery, parts: VisitPart[]): Array<Promise<unknown>> {
  const answers = new Map<VisitPart, Promise<unknown>>();
  for (const kept of [true, false]) {
    const some = parts.filter((p) => isKept(q, p) === kept);
    if (some.length > 0) answerParts(ch, q, some, kept).forEach((answer, i) => answers.set(some[i]!, answer));
  }
  return parts.map((part) => answers.get(part)!);
}

function answerParts(ch: ClickHouse, q: StatsQuery, parts: VisitPart[], kept: boolean): Array<Promise<unknown>> {
  const dimensions = [...new Set(parts.flatMap((p) => (p.kind === "breakdown" ? [p.dimension] : [])))];
  const days = buckets(q); // also the most total rows
  const rows = Math.max(days.length, ...parts.map((p) => (p.kind === "breakdown" ? Math.min(p.limit, MAX_BREAKDOWN_LIMIT) + p.offset : 0)));
  const bucket = q.range.interval === "month" ? BUCKET_FORMAT.month : BUCKET_FORMAT.day;
  const answer = visitPanelsQuery(ch, q, dimensions, kept).then(({ sql, params }) => ch.query<PanelSqlRow>(sql, { ...params, bucket, rows }));
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
