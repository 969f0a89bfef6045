import { addDays, localDate } from "@/lib/analytics/dates";
import { KINDS, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import { isFilterDimension, keepsFilterRows } from "@/lib/analytics/rollups/filter-rows-sql";
import { METRIC_COLUMN_LIST } from "@/lib/analytics/rollups/metric-columns";
import { DIMENSIONS, hasFilters, type Dimension, type StatsQuery } from "@/lib/analytics/types";
import type { ClickHouse, QueryParams } from "./clickhouse";
import { DAY_ROW_COLUMNS, rawDayRowsSql, type RowShape } from "./queries/day-rows";
import { FILTER_ROW_COLUMNS, FILTER_ROW_STATEMENTS } from "./queries/filter-day-rows";
import { statsParams } from "./queries/filters";

// Where a summed view's day rows (queries/day-rows.ts) come from. Source "raw" and most
// filtered views compute them from visits and events. Unfiltered views read the days that
// are over from day_rows (0002_day_rows.sql), filling the missing ones on first use, and
// compute only the recent days: exact distinct visitors over a month of raw visits cost
// seconds at 10M pageviews, the kept rows milliseconds. A view filtered by one value of a
// low-cardinality dimension (country = DE) reads kept rows too: its totals and its own
// panel are day_rows' rows of that value, the other panels filter_day_rows'
// (0003_filter_day_rows.sql, queries/filter-day-rows.ts), except the page and event rows of
// its first day, which are raw (they count only visits that began in the period). A view
// filtered by one page reads all its kept panels from filter_day_rows, the same way.
//
// A local day is over GRACE_MS after it ended: by then its visits have ended too, and
// ingestion only writes at the present. What writes older rows (bulkInsert, a spool replay
// after a long outage) calls forgetDays.

export const GRACE_MS = 3 * 3_600_000;

// The last fill (or check that nothing is missing) of each site and zone in this process: a
// view's panels ask for the same days at once, and one check answers them all; a check
// stays good for CHECK_TTL_MS (another process that forgets days — a bulk load against a
// ClickHouse server — is seen that much later at most).
type Check = { from: string; to: string; done: Promise<void>; settledAt: number | null };
const checks = new Map<string, Check>();
const CHECK_TTL_MS = 5_000;

function checkedKind(kind: Kind): Kind {
  if (!KINDS.includes(kind)) throw new Error(`unknown dimension ${String(kind)}`);
  return kind;
}

const FILLED_SQL = `SELECT toString(day) AS filled FROM day_rows_filled FINAL
WHERE site_id = {site:String} AND timezone = {tz:String} AND day >= {from:Date} AND day <= {to:Date}`;

const fillSql = (kind: Kind) => `INSERT INTO day_rows (site_id, timezone, kind, ${DAY_ROW_COLUMNS})
SELECT {site:String}, {tz:String}, '${kind}', ${DAY_ROW_COLUMNS} FROM (${rawDayRowsSql(kind, {})})`;

const fillFilterSql = (rows: string) => `INSERT INTO filter_day_rows (site_id, timezone, ${FILTER_ROW_COLUMNS})
SELECT {site:String}, {tz:String}, ${FILTER_ROW_COLUMNS} FROM (${rows})`;

const MARK_FILLED_SQL = `INSERT INTO day_rows_filled (site_id, timezone, day)
SELECT {site:String}, {tz:String}, addDays({from:Date}, number) FROM numbers(toUInt64(dateDiff('day', {from:Date}, {to:Date}) + 1))`;

// Events per statement of a filter-row fill (a day's events at 10M pageviews a month: ~330,000).
const FILL_CHUNK_EVENTS = 1_000_000;

const EVENTS_PER_DAY_SQL = `SELECT toString(toDate(ts, {tz:String})) AS day, count() AS n FROM events
WHERE site_id = {site:String} AND ts >= toDateTime64({from:Date}, 3, {tz:String}) AND ts < toDateTime64(addDays({to:Date}, 1), 3, {tz:String})
GROUP BY day`;

/** from..to cut into runs of days with about FILL_CHUNK_EVENTS events each (a busy day on its own). */
async function fillChunks(ch: ClickHouse, range: { site: string; tz: string; from: string; to: string }): Promise<Array<{ from: string; to: string }>> {
  const perDay = new Map((await ch.query<{ day: string; n: string }>(EVENTS_PER_DAY_SQL, range)).map((r) => [r.day, Number(r.n)]));
  const chunks: Array<{ from: string; to: string }> = [];
  let events = 0;
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const today = perDay.get(day) ?? 0;
    const last = chunks[chunks.length - 1];
    if (last && events + today <= FILL_CHUNK_EVENTS) {
      last.to = day;
      events += today;
    } else {
      chunks.push({ from: day, to: day });
      events = today;
    }
  }
  return chunks;
}

async function fillDays(ch: ClickHouse, site: StatsQuery["site"], from: string, to: string): Promise<void> {
  const scope = { site: site.id, tz: site.timezone, from, to };
  const filled = new Set((await ch.query<{ filled: string }>(FILLED_SQL, scope)).map((r) => r.filled));
  const missing: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!filled.has(day)) missing.push(day);
  const first = missing[0];
  const last = missing[missing.length - 1];
  if (!first || !last) return;
  const fill = { ...scope, from: first, to: last };
  for (const kind of KINDS) await ch.command(fillSql(kind), fill);
  // Filter rows a few days at a time: a page filter's rows of a month at 10M pageviews are
  // more than one statement should hold (~440,000 rows and ~0.7 s a day).
  for (const days of await fillChunks(ch, fill)) {
    for (const rows of FILTER_ROW_STATEMENTS) await ch.command(fillFilterSql(rows), { ...scope, ...days });
  }
  await ch.command(MARK_FILLED_SQL, fill); // last: a fill cut short is done again (rows replace)
}

/** Fills the site's missing days of from..to, one fill per site and zone at a time in this process. */
async function ensureFilled(ch: ClickHouse, site: StatsQuery["site"], from: string, to: string): Promise<void> {
  const key = `${site.id}\n${site.timezone}`;
  for (;;) {
    const last = checks.get(key);
    if (!last) break;
    const covers = last.from <= from && to <= last.to;
    if (last.settledAt === null) {
      if (covers) return last.done;
      await last.done.catch(() => undefined);
      continue;
    }
    if (covers && Date.now() - last.settledAt < CHECK_TTL_MS) return;
    break;
  }
  const check: Check = { from, to, done: fillDays(ch, site, from, to), settledAt: null };
  checks.set(key, check);
  try {
    await check.done;
    check.settledAt = Date.now();
  } catch (error) {
    if (checks.get(key) === check) checks.delete(key);
    throw error;
  }
}

// The last local day of the zone that is over (GRACE_MS past its end).
function lastDayOver(timezone: string): string {
  return addDays(localDate(timezone, new Date(Date.now() - GRACE_MS)), -1);
}

// The last local day of `range` whose rows may be kept: the day before the last one that is over.
function lastKeptDay(q: StatsQuery, range: { from: string; to: string }): string {
  const lastOver = lastDayOver(q.site.timezone);
  return range.to < lastOver ? range.to : lastOver;
}

type KeptFilter = { dimension: Dimension; value: string };

/**
 * The view's one filter when kept rows hold its `kind`: a low-cardinality one (its totals and
 * own panel are day_rows', the rest filter_day_rows') or a page (all filter_day_rows').
 */
function keptFilter(q: StatsQuery, kind: Kind): KeptFilter | null {
  const active = DIMENSIONS.filter((d) => q.filters[d] !== undefined);
  const dimension = active[0];
  if (active.length !== 1 || !dimension) return null;
  const own = isFilterDimension(dimension) && (kind === "total" || kind === dimension);
  if (!own && !keepsFilterRows(dimension, kind)) return null;
  return { dimension, value: q.filters[dimension]! };
}

/**
 * Whether the view's rows of `kinds` over `range` are all computed from raw visits and
 * events: source "raw", only recent days, or filters whose rows of one of the kinds are not kept.
 */
export function readsRaw(q: StatsQuery, range: { from: string; to: string }, kinds: readonly Kind[]): boolean {
  if (q.source === "raw" || lastKeptDay(q, range) < range.from) return true;
  return hasFilters(q.filters) && kinds.some((kind) => keptFilter(q, kind) === null);
}

// A filtered view's page and event rows of its first day are raw: kept rows count every
// event of a day whose visit passes the filter, also a visit begun the day before.
const firstDayRaw = (filter: KeptFilter | null, kind: Kind) => filter !== null && (kind === "page" || kind === "event");

/**
 * The view's kept rows of `kinds` as (day, kind, value, visitors, visits, pageviews, bounces,
 * duration_sum, events), from its first day to kept_to; a filtered view's page and event
 * rows from its second day (the first is raw). Total rows have the value ''. For a view
 * whose rows of `kinds` are all kept (not readsRaw), with keptSpan's parameters. The kinds
 * of one table are one read of it: a read per kind, each with FINAL, cost ~90 ms more for
 * an unfiltered view at 10M pageviews.
 */
export function keptRowsSql(q: StatsQuery, kinds: readonly Kind[]): string {
  const days = "day >= {from:Date} AND day <= {kept_to:Date}";
  const list = (some: readonly Kind[]) => `(${some.map((kind) => `'${checkedKind(kind)}'`).join(", ")})`;
  const filter = kinds.map((kind) => keptFilter(q, kind)).find((f) => f !== null) ?? null;
  if (!filter) {
    return `SELECT day, kind, value, ${METRIC_COLUMN_LIST} FROM day_rows FINAL
    WHERE site_id = {site:String} AND timezone = {tz:String} AND kind IN ${list(kinds)} AND ${days}`;
  }
  const value = `{f_${filter.dimension}:String}`;
  const own = (kind: Kind) => isFilterDimension(filter.dimension) && (kind === "total" || kind === filter.dimension);
  // A low-cardinality filter's totals and own panel: day_rows' rows of its value.
  const parts = kinds.filter(own).map(
    (kind) => `SELECT day, '${kind}' AS kind, ${kind === "total" ? "''" : "value"} AS value, ${METRIC_COLUMN_LIST} FROM (SELECT ${DAY_ROW_COLUMNS} FROM day_rows FINAL
    WHERE site_id = {site:String} AND timezone = {tz:String} AND kind = '${filter.dimension}' AND value = ${value} AND ${days})`,
  );
  const others = kinds.filter((kind) => !own(kind));
  if (others.length > 0) {
    parts.push(`SELECT day, kind, value, ${METRIC_COLUMN_LIST} FROM filter_day_rows FINAL
    WHERE site_id = {site:String} AND timezone = {tz:String} AND filter = '${filter.dimension}' AND filter_value = ${value} AND kind IN ${list(others)}
      AND ${days} AND NOT (kind IN ('page', 'event') AND day < {second_day:Date})`);
  }
  return parts.join("\n  UNION ALL\n  ");
}

/**
 * Fills the view's days that are over and names its spans: kept rows from `from` (or
 * `second_day`) to `kept_to`, and raw rows from `recent_from` to `to` when `recent` (days
 * not over yet). A filtered view's recent events are those of its visits begun from
 * `recent_started` (these days or the day before, in the period), as the kept rows count
 * them: a page filter looks up the visits of two days, not a month's.
 */
export async function keptSpan(
  ch: ClickHouse,
  q: StatsQuery,
  range: { from: string; to: string } = q.range,
): Promise<{ recent: boolean; params: { kept_to: string; recent_from: string; second_day: string; recent_started: string } }> {
  const keptTo = lastKeptDay(q, range);
  await ensureFilled(ch, q.site, range.from, keptTo);
  return {
    recent: keptTo !== range.to,
    params: { kept_to: keptTo, recent_from: addDays(keptTo, 1), second_day: addDays(range.from, 1), recent_started: keptTo < range.from ? range.from : keptTo },
  };
}

/**
 * A SELECT of (day, value, visitors, visits, pageviews, bounces, duration_sum, events) for
 * the kind over `range`, and its parameters.
 */
export async function dayRows(
  ch: ClickHouse,
  q: StatsQuery,
  kind: Kind,
  range: { from: string; to: string } = q.range,
  shape: RowShape = "full",
): Promise<{ sql: string; params: QueryParams }> {
  checkedKind(kind);
  const params = statsParams(q, range);
  if (readsRaw(q, range, [kind])) return { sql: rawDayRowsSql(kind, q.filters, "from", "to", shape), params };
  const span = await keptSpan(ch, q, range);

  const filter = keptFilter(q, kind);
  const parts: string[] = [];
  if (firstDayRaw(filter, kind)) parts.push(`SELECT ${DAY_ROW_COLUMNS} FROM (${rawDayRowsSql(kind, q.filters, "from", "from", shape)})`);
  parts.push(`SELECT ${DAY_ROW_COLUMNS} FROM (${keptRowsSql(q, [kind])})`);
  if (span.recent) {
    const since = firstDayRaw(filter, kind) ? "recent_started" : undefined;
    parts.push(`SELECT ${DAY_ROW_COLUMNS} FROM (${rawDayRowsSql(kind, q.filters, "recent_from", "to", shape, since)})`);
  }
  return { sql: parts.join("\n  UNION ALL\n  "), params: { ...params, ...span.params } };
}

/** Days filled ahead of the first view after a bulk load or a time zone change: a "30 days" view and then some. */
export const FILL_AHEAD_DAYS = 35;

/**
 * Fills the site's kept rows of the last days that are over, so the first view after a bulk
 * load (seed, copy) or a time zone change does not pay for it (30 days at 10M pageviews: ~15 s).
 */
export async function fillRecentDays(ch: ClickHouse, site: StatsQuery["site"]): Promise<void> {
  const to = lastDayOver(site.timezone);
  await ensureFilled(ch, site, addDays(to, 1 - FILL_AHEAD_DAYS), to);
  filledThrough.set(`${site.id}\n${site.timezone}`, to);
}

// The last day over that fillRecentDays filled, per site and zone, in this process.
const filledThrough = new Map<string, string>();

/**
 * Fills the kept rows of the sites' days that are over, at most once per site and local day
 * in this process: the ClickHouse store runs it in the background for the sites ingestion
 * wrote to, so no view waits for a day's rows (a day of 330,000 pageviews: ~1.5 s).
 */
export async function fillFinishedDays(ch: ClickHouse, sites: ReadonlyArray<StatsQuery["site"]>): Promise<void> {
  for (const site of sites) {
    if (filledThrough.get(`${site.id}\n${site.timezone}`) === lastDayOver(site.timezone)) continue;
    await fillRecentDays(ch, site);
  }
}

const KEPT_TABLES = ["day_rows", "filter_day_rows", "day_rows_filled"] as const;
const DAYS = "site_id = {site:String} AND day >= {from:Date} AND day <= {to:Date}";

// A lightweight DELETE is a mutation of every part of the table (seconds once the kept rows
// of a few sites are there), also when no row matches: the tables without rows of those days
// (a site loaded for the first time) are left alone.
const KEPT_COUNTS_SQL = `SELECT ${KEPT_TABLES.map((table) => `(SELECT count() FROM ${table} WHERE ${DAYS}) AS ${table}`).join(", ")}`;
const forgetSql = (table: string) => `DELETE FROM ${table} WHERE ${DAYS} SETTINGS lightweight_deletes_sync = 2`;

/** Forgets the kept rows of every local day (in any zone) that the instants from..to (ms) touch. */
export async function forgetDays(ch: ClickHouse, siteId: string, fromMs: number, toMs: number): Promise<void> {
  for (const memo of [checks, filledThrough]) for (const key of memo.keys()) if (key.startsWith(`${siteId}\n`)) memo.delete(key);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const scope = { site: siteId, from: addDays(day(fromMs), -1), to: addDays(day(toMs), 1) };
  const [counts] = await ch.query<Record<(typeof KEPT_TABLES)[number], string>>(KEPT_COUNTS_SQL, scope);
  for (const table of KEPT_TABLES) if (Number(counts?.[table] ?? 1) > 0) await ch.command(forgetSql(table), scope);
}
