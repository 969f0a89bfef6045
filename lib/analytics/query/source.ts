import { KINDS, rawDailyRows, rawHourlyRows, rawSourceCtes, utcBounds, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { grainDimension, planSegments, type Grain } from "@/lib/analytics/rollups/grains";
import { filterConditions } from "./filters";
import type { SqlParams } from "./sql-params";
import type { StatsQuery } from "./types";

// Where a query's rows come from. Unfiltered: the rollups (daily_stats in its day, week and
// month grains; hourly_stats). Filtered: the same row shapes computed from raw visits and
// events of the filtered visits. Each query file writes one outer SELECT over `daily(kind)`
// / `hourly()`, so both paths run the same aggregation.

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

const ROLLUP_COLUMNS = "visitors, visits, pageviews, bounces, duration_sum, events";

export type SourceOptions = {
  range?: { from: string; to: string };
  grains?: GrainUse;
  /** The statement reads many kinds from this source (see rawDailyRows' visitor counting). */
  manyKinds?: boolean;
};

/** Filters (or source "raw") take the raw visits and events instead of the rollups. */
export function usesRawPath(q: StatsQuery): boolean {
  return q.source === "raw" || Object.values(q.filters).some((v) => v !== undefined);
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

  if (usesRawPath(q)) {
    const base = { site, timezone: timezone(), from: from(), to: to() };
    const scope = { ...base, conditions: filterConditions(q.filters, p, base), manyKinds };
    const { lo, hi } = bounds();
    return { with: `WITH ${rawSourceCtes(scope)}`, daily: (kind) => rawDailyRows(scope, kind), hourly: () => rawHourlyRows(scope), ...base, lo, hi };
  }

  const segments = grains === "days" ? null : planSegments(range.from, range.to, grains === "all");
  const read = (grain: Grain, kind: Kind, days: string) =>
    `SELECT day, value, ${ROLLUP_COLUMNS} FROM daily_stats WHERE site_id = ${site} AND dimension = '${grainDimension(grain, kind)}' AND ${days}`;
  return {
    with: "",
    daily(kind) {
      if (!KINDS.includes(kind)) throw new Error(`unknown dimension ${String(kind)}`);
      if (!segments) return read("day", kind, `day BETWEEN ${from()} AND ${to()}`);
      const parts: string[] = [];
      if (segments.days.length > 0) parts.push(read("day", kind, `day = ANY(${p.add(segments.days, "date[]")})`));
      if (segments.weeks.length > 0) parts.push(read("week", kind, `day = ANY(${p.add(segments.weeks, "date[]")})`));
      if (segments.months.length > 0) parts.push(read("month", kind, `day = ANY(${p.add(segments.months, "date[]")})`));
      return parts.join(" UNION ALL ");
    },
    hourly() {
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
