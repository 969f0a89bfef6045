import { addDays, localDate } from "@/lib/analytics/dates";
import { KINDS, type Kind } from "@/lib/analytics/rollups/aggregate-sql";
import type { StatsQuery } from "@/lib/analytics/types";
import type { ClickHouse, QueryParams } from "./clickhouse";
import { DAY_ROW_COLUMNS, rawDayRowsSql, type RowShape } from "./queries/day-rows";
import { statsParams } from "./queries/filters";

// Where a summed view's day rows (queries/day-rows.ts) come from. Filtered views and
// source "raw" compute them from visits and events. Unfiltered views read the days that are
// over from day_rows (0002_day_rows.sql), filling the missing ones on first use, and compute
// only the recent days: exact distinct visitors over a month of raw visits cost seconds at
// 10M pageviews, the kept rows milliseconds.
//
// A local day is over GRACE_MS after it ended: by then its visits have ended too, and
// ingestion only writes at the present. What writes older rows (bulkInsert, a spool replay
// after a long outage) calls forgetDays.

export const GRACE_MS = 3 * 3_600_000;

const fills = new Map<string, Promise<void>>();

function checkedKind(kind: Kind): Kind {
  if (!KINDS.includes(kind)) throw new Error(`unknown dimension ${String(kind)}`);
  return kind;
}

const FILLED_SQL = `SELECT toString(day) AS filled FROM day_rows_filled FINAL
WHERE site_id = {site:String} AND timezone = {tz:String} AND day >= {from:Date} AND day <= {to:Date}`;

const fillSql = (kind: Kind) => `INSERT INTO day_rows (site_id, timezone, kind, ${DAY_ROW_COLUMNS})
SELECT {site:String}, {tz:String}, '${kind}', ${DAY_ROW_COLUMNS} FROM (${rawDayRowsSql(kind, {})})`;

const MARK_FILLED_SQL = `INSERT INTO day_rows_filled (site_id, timezone, day)
SELECT {site:String}, {tz:String}, addDays({from:Date}, number) FROM numbers(toUInt64(dateDiff('day', {from:Date}, {to:Date}) + 1))`;

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
  await ch.command(MARK_FILLED_SQL, fill); // last: a fill cut short is done again (rows replace)
}

/** Fills the site's missing days of from..to, one fill per site and zone at a time in this process. */
async function ensureFilled(ch: ClickHouse, site: StatsQuery["site"], from: string, to: string): Promise<void> {
  const key = `${site.id}\n${site.timezone}`;
  for (;;) {
    const running = fills.get(key);
    if (!running) break;
    await running.catch(() => undefined);
  }
  const fill = fillDays(ch, site, from, to).finally(() => fills.delete(key));
  fills.set(key, fill);
  await fill;
}

// The last local day of `range` whose rows may be kept: the day before the last one that is over.
function lastKeptDay(q: StatsQuery, range: { from: string; to: string }): string {
  const lastOver = addDays(localDate(q.site.timezone, new Date(Date.now() - GRACE_MS)), -1);
  return range.to < lastOver ? range.to : lastOver;
}

/** Whether the view's rows of `range` are all computed from raw visits and events: filtered, source "raw", or only recent days. */
export function readsRaw(q: StatsQuery, range: { from: string; to: string } = q.range): boolean {
  const filtered = Object.values(q.filters).some((v) => v !== undefined);
  return q.source === "raw" || filtered || lastKeptDay(q, range) < range.from;
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
  if (readsRaw(q, range)) return { sql: rawDayRowsSql(kind, q.filters, "from", "to", shape), params };
  const keptTo = lastKeptDay(q, range);

  await ensureFilled(ch, q.site, range.from, keptTo);
  const kept = `SELECT ${DAY_ROW_COLUMNS} FROM day_rows FINAL
    WHERE site_id = {site:String} AND timezone = {tz:String} AND kind = '${kind}' AND day >= {from:Date} AND day <= {kept_to:Date}`;
  if (keptTo === range.to) return { sql: kept, params: { ...params, kept_to: keptTo } };
  const recent = `SELECT ${DAY_ROW_COLUMNS} FROM (${rawDayRowsSql(kind, {}, "recent_from", "to", shape)})`;
  return { sql: `${kept}\n  UNION ALL\n  ${recent}`, params: { ...params, kept_to: keptTo, recent_from: addDays(keptTo, 1) } };
}

/** Days filled ahead of the first view after a bulk load or a time zone change: a "30 days" view and then some. */
export const FILL_AHEAD_DAYS = 35;

/**
 * Fills the site's kept rows of the last days that are over, so the first view after a bulk
 * load (seed, copy) or a time zone change does not pay for it (30 days at 10M pageviews: ~15 s).
 */
export async function fillRecentDays(ch: ClickHouse, site: StatsQuery["site"]): Promise<void> {
  const to = addDays(localDate(site.timezone, new Date(Date.now() - GRACE_MS)), -1);
  await ensureFilled(ch, site, addDays(to, 1 - FILL_AHEAD_DAYS), to);
}

const FORGET_SQL = ["day_rows", "day_rows_filled"].map(
  (table) => `DELETE FROM ${table} WHERE site_id = {site:String} AND day >= {from:Date} AND day <= {to:Date} SETTINGS lightweight_deletes_sync = 2`,
);

/** Forgets the kept rows of every local day (in any zone) that the instants from..to (ms) touch. */
export async function forgetDays(ch: ClickHouse, siteId: string, fromMs: number, toMs: number): Promise<void> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const scope = { site: siteId, from: addDays(day(fromMs), -1), to: addDays(day(toMs), 1) };
  for (const sql of FORGET_SQL) await ch.command(sql, scope);
}
