import { KINDS, rawDailyRows, rawHourlyRows, rawSourceCtes, utcBounds, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { isFilterDimension, keepsFilterRows } from "@/lib/analytics/rollups/filter-rows-sql";
import { grainDimension, planSegments, type Grain } from "@/lib/analytics/rollups/grains";
import { METRIC_COLUMN_LIST as ROLLUP_COLUMNS } from "@/lib/analytics/rollups/metric-columns";
import { filterConditions } from "./filters";
import type { SqlParams } from "./sql-params";
import { addDays, daysBetween } from "@/lib/analytics/dates";
import { DIMENSIONS, hasFilters, type Dimension, type StatsQuery } from "@/lib/analytics/types";

// Where a query's rows come from. Unfiltered: the rollups (daily_stats in its day, week and
// month grains; hourly_stats). Filtered by one value of a visit dimension: that value's
// rollup rows where there are some (daily_stats for the totals and the dimension itself,
// daily_filter_stats for the other panels of a low-cardinality filter). Otherwise: the same
// row shapes computed from raw visits and events of the filtered visits. Each query file
// writes one outer SELECT over `daily(kind)` / `hourly()`, so every path runs the same
// aggregation.

export type StatsSource = {
  /** "WITH …" to put before the statement, or "" for the rollups. */
  readonly with: string;
  /** Rows (day, value, visitors, visits, pageviews, bounces, duration_sum, events). */
  daily(kind: Kind): string;
  /** Rows (hour, visitors, visits, pageviews, bounces, duration_sum, events) for UTC hours. */
  hourly(): string;
  /** The period as SQL expressions: local dates, their UTC bounds, the time zone. */
  readonly from: string;
  readonly to: string;
  readonly lo: string;
  readonly hi: string;
  readonly timezone: string;
};

/**
 * Which rollup grains may stand in for days: "all" when rows are summed over the whole
 * period, "months" for a monthly graph (weeks straddle months), "days" for a daily graph.
 */
export type GrainUse = "all" | "months" | "days";

export type SourceOptions = {
  range?: { from: string; to: string };
  grains?: GrainUse;
  /** The statement reads many kinds from this source (see rawDailyRows' visitor counting). */
  manyKinds?: boolean;
  /** The kinds the statement reads; without them, a filtered view always reads raw rows. */
  kinds?: readonly Kind[];
};

/**
 * A view filtered by one value of one dimension (country = DE, browser = Firefox, page =
 * /pricing …): a visit dimension's totals are that value's rollup rows, because those rows
 * are computed from exactly the visits the filter keeps; a low-cardinality filter (country,
 * browser …) also has rows for its other panels (daily_filter_stats). A page filter keeps
 * visits by their pageviews, whose daily_stats rows count other things (a page row's
 * pageviews are that page's only): all its rows are daily_filter_stats'. An event filter has
 * none.
 */
export function singleVisitFilter(q: StatsQuery): { dimension: Dimension; value: string } | null {
  if (q.source === "raw") return null;
  const set = DIMENSIONS.flatMap((dimension) => (q.filters[dimension] === undefined ? [] : [{ dimension, value: q.filters[dimension] }]));
  const [only] = set;
  if (set.length !== 1 || !only || only.dimension === "event") return null;
  return only;
}

/** Whether a view filtered by one value of `dimension` finds `kind` rows in the rollups. */
function rollupsHold(dimension: Dimension, kind: Kind): boolean {
  return kind === "total" || kind === dimension || keepsFilterRows(dimension, kind);
}

/**
 * Whether reading `kinds` for this view takes the raw visits and events: with filters (or
 * source "raw"), except for what a single visit filter's rollup rows hold — the totals,
 * the filtered dimension itself and, for a low-cardinality filter, its daily_filter_stats.
 */
export function usesRawPath(q: StatsQuery, kinds?: readonly Kind[]): boolean {
  if (q.source === "raw") return true;
  if (!hasFilters(q.filters)) return false;
  const single = singleVisitFilter(q);
  return !single || !kinds || kinds.some((kind) => !rollupsHold(single.dimension, kind));
}

/** Local dates from..to, both included. */
function datesOf(from: string, to: string): string[] {
  return Array.from({ length: Math.max(daysBetween(from, to) + 1, 0) }, (_, i) => addDays(from, i));
}

export function statsSource(q: StatsQuery, p: SqlParams, options: SourceOptions = {}): StatsSource {
  const { range = q.range, grains = "all", manyKinds = false } = options;
  const site = p.add(q.site.id, "text");
  // Added on first use: Postgres cannot type a parameter the statement never mentions, and
  // rollup reads need only some of these.
  const from = p.lazy(range.from, "date");
  const to = p.lazy(range.to, "date");
  const timezone = p.lazy(q.site.timezone, "text");
  const bounds = () => utcBounds({ timezone: timezone(), from: from(), to: to() });

  if (usesRawPath(q, options.kinds)) {
    const base = { site, timezone: timezone(), from: from(), to: to() };
    const scope = { ...base, conditions: filterConditions(q.filters, p, base), manyKinds };
    const { lo, hi } = bounds();
    return { with: `WITH ${rawSourceCtes(scope)}`, daily: (kind) => rawDailyRows(scope, kind), hourly: () => rawHourlyRows(scope), ...base, lo, hi };
  }

  const segments = grains === "days" ? null : planSegments(range.from, range.to, grains === "all");
  // A single visit filter: the filtered dimension's rows of that value stand in for the totals.
  const single = singleVisitFilter(q);
  const value = single ? p.lazy(single.value, "text") : null;
  const read = (grain: Grain, kind: Kind, days: string) => {
    const dimension = single && kind === "total" ? single.dimension : kind;
    const only = value ? ` AND value = ${value()}` : "";
    return `SELECT day, value, ${ROLLUP_COLUMNS} FROM daily_stats WHERE site_id = ${site} AND dimension = '${grainDimension(grain, dimension)}' AND ${days}${only}`;
  };
  // A low-cardinality filter's other panels, and all of a page filter's: its
  // daily_filter_stats rows (day rows only).
  // Their page and event rows count the events of every visit with that value, also of a
  // visit that began the day before; the view counts only visits that began in its period,
  // so its first day's page and event rows come from the raw visits of that day instead.
  const filter = single && value && (isFilterDimension(single.dimension) || single.dimension === "page") ? { dimension: single.dimension, value } : null;
  const readsEvents = options.kinds?.some((kind) => kind === "page" || kind === "event") ?? false;
  const firstDayOf = (f: NonNullable<typeof filter>) => {
    const scope = { site, timezone: timezone(), from: from(), to: from() };
    const conditions = f.dimension === "page" ? filterConditions({ page: single!.value }, p, scope) : [`v.${f.dimension} = ${f.value()}`];
    return { ...scope, conditions };
  };
  const firstDay = filter && readsEvents ? firstDayOf(filter) : null;
  const readFiltered = (f: NonNullable<typeof filter>, kind: Kind) => {
    const events = kind === "page" || kind === "event";
    if (events && !firstDay) throw new Error(`${kind} rows need a source made for them (options.kinds)`);
    const days = datesOf(events ? addDays(range.from, 1) : range.from, range.to);
    const rows = `SELECT day, value, ${ROLLUP_COLUMNS} FROM daily_filter_stats WHERE site_id = ${site} AND day = ANY(${p.add(days, "date[]")})
      AND filter = '${f.dimension}' AND filter_value = ${f.value()} AND dimension = '${kind}'`;
    return events ? `${rows} UNION ALL ${rawDailyRows(firstDay!, kind)}` : rows;
  };
  return {
    with: firstDay ? `WITH ${rawSourceCtes(firstDay)}` : "",
    daily(kind) {
      if (!KINDS.includes(kind)) throw new Error(`unknown dimension ${String(kind)}`);
      if (single && !rollupsHold(single.dimension, kind)) throw new Error(`${kind} rows of a view filtered by ${single.dimension} are raw`);
      // (A page filter's rows are all daily_filter_stats': its totals and its own pages panel too.)
      if (filter && (filter.dimension === "page" || (kind !== "total" && kind !== filter.dimension))) return readFiltered(filter, kind);
      if (!segments) return read("day", kind, `day BETWEEN ${from()} AND ${to()}`);
      const parts: string[] = [];
      if (segments.days.length > 0) parts.push(read("day", kind, `day = ANY(${p.add(segments.days, "date[]")})`));
      if (segments.weeks.length > 0) parts.push(read("week", kind, `day = ANY(${p.add(segments.weeks, "date[]")})`));
      if (segments.months.length > 0) parts.push(read("month", kind, `day = ANY(${p.add(segments.months, "date[]")})`));
      return parts.join(" UNION ALL ");
    },
    hourly() {
      if (single) throw new Error("hourly rows of a filtered view are raw");
      return `SELECT hour, ${ROLLUP_COLUMNS} FROM hourly_stats WHERE site_id = ${site} AND hour >= ${this.lo} AND hour < ${this.hi}`;
    },
    get from() {
      return from();
    },
    get to() {
      return to();
    },
    get lo() {
      return bounds().lo;
    },
    get hi() {
      return bounds().hi;
    },
    get timezone() {
      return timezone();
    },
  };
}
