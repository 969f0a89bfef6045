import type { ClickHouse, QueryParams } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { keptRowsSql, keptSpan, readsRaw } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { MAX_BREAKDOWN_LIMIT, toBreakdownRow } from "@/lib/analytics/query/breakdown-sql";
import type { GoalSqlRow } from "@/lib/analytics/query/goals-sql";
import { createScanBatcher } from "@/lib/analytics/query/scan-batcher";
import { hasFilters, type BreakdownRow, type GoalDefinition, type StatsQuery } from "@/lib/analytics/types";
import { dayStart, eventConditions, EVENTS_IN_PERIOD, NO_INDEX_FOR_VISIT_LOOKUP, PERIOD_BOUNDS, periodBounds, statsParams } from "./filters";

// The panels of a view that need only visitors and hits — the dashboard's top pages and the
// goals — asked for in the same turn, in one statement. Read from raw events (filtered views,
// mostly), one pass over the period's events of the filtered visits gives the page rows and
// the custom event rows (day-rows.ts, lean: unique visitors per local day, summed over the
// days); a view whose rows are kept (unfiltered, or one filter: day-rows-cache.ts) reads the
// kept rows of its days that are over and one pass over its recent days' events (and, when
// filtered, over its first day's). With a page or event filter a pass looks up the filtered
// visits, the dearest part of such a view; this way it runs once. The goals' page and event
// rows come back without the period's visitors: goal-conversions.ts asks the visit panels'
// statement (visit-panels.ts) for them in the same turn, so the view scans its visits once.

export type EventPart = { kind: "pages"; limit: number; offset: number } | { kind: "goals"; goals: GoalDefinition[] };

type EventSqlRow = { kind: "page" | "event"; value: string; visitors: number; hits: number; place: number };

// Rows of (day, kind, value, visitors, hits) from raw events from lo to hi (`bounds`): per
// local day, the pages and the goals' custom events.
const rawEventRows = (conditions: string, bounds: string) => `SELECT * FROM (WITH ${bounds}
    SELECT toDate(e.ts, {tz:String}) AS day, if(e.name = 'pageview', 'page', 'event') AS kind, if(e.name = 'pageview', e.pathname, e.name) AS value,
      uniqExact(e.visitor_id) AS visitors, count() AS hits
    FROM events AS e
    WHERE e.site_id = {site:String} AND ${EVENTS_IN_PERIOD} AND (e.name = 'pageview' OR e.name IN {names:Array(String)})${conditions}
    GROUP BY day, kind, value)`;

// Out of those rows, page rows: the first `rows` by visitors, then pageviews, then value, and
// the goals' paths; custom event rows: the goals' names.
const eventPanelsSql = (rows: string) => `SELECT kind, value, visitors, hits, place
FROM (
  SELECT kind, value, toFloat64(sum(visitors)) AS visitors, toFloat64(sum(hits)) AS hits,
    toUInt32(row_number() OVER (PARTITION BY kind ORDER BY visitors DESC, hits DESC, value)) AS place
  FROM (
    ${rows}
  )
  GROUP BY kind, value
)
WHERE (kind = 'page' AND (place <= {rows:UInt32} OR value IN {paths:Array(String)})) OR (kind = 'event' AND value IN {names:Array(String)})
ORDER BY kind, place
${NO_INDEX_FOR_VISIT_LOOKUP}`;

/** The statement of the view's page and event rows, and its parameters. */
async function eventPanelsQuery(ch: ClickHouse, q: StatsQuery): Promise<{ sql: string; params: QueryParams }> {
  if (readsRaw(q, q.range, ["page", "event"])) return { sql: eventPanelsSql(rawEventRows(eventConditions(q.filters), PERIOD_BOUNDS)), params: statsParams(q) };
  const span = await keptSpan(ch, q);
  const filtered = hasFilters(q.filters);
  const rows = [`SELECT day, kind, value, visitors, if(kind = 'page', pageviews, events) AS hits FROM (${keptRowsSql(q, ["page", "event"])})`];
  if (filtered) rows.push(rawEventRows(eventConditions(q.filters), periodBounds("from", "from")));
  // A filtered view's recent events: those of its visits begun from recent_started (keptSpan).
  if (span.recent) rows.push(rawEventRows(eventConditions(q.filters, filtered ? dayStart("recent_started") : "lo"), periodBounds("recent_from", "to")));
  return { sql: eventPanelsSql(rows.join("\n    UNION ALL\n    ")), params: { ...statsParams(q), ...span.params } };
}

const goalNames = (goals: GoalDefinition[]) => goals.flatMap((g) => (g.eventName ? [g.eventName] : []));
const goalPaths = (goals: GoalDefinition[]) => goals.flatMap((g) => (g.pagePath && !g.eventName ? [g.pagePath] : []));

/** One statement for all the parts; each part's answer in the order of `parts`. */
export function eventPanels(ch: ClickHouse, q: StatsQuery, parts: EventPart[]): Array<Promise<unknown>> {
  const goals = parts.flatMap((p) => (p.kind === "goals" ? p.goals : []));
  const names = [...new Set(goalNames(goals))];
  const paths = [...new Set(goalPaths(goals))];
  const rows = Math.max(0, ...parts.map((p) => (p.kind === "pages" ? Math.min(p.limit, MAX_BREAKDOWN_LIMIT) + p.offset : 0)));
  const answer = eventPanelsQuery(ch, q).then(({ sql, params }) => ch.query<EventSqlRow>(sql, { ...params, names, paths, rows }));
  return parts.map(async (part): Promise<BreakdownRow[] | GoalSqlRow[]> => {
    const found = await answer;
    if (part.kind === "pages") {
      return found
        .filter((r) => r.kind === "page" && r.place > part.offset && r.place <= part.offset + part.limit)
        .map((r) => toBreakdownRow({ value: r.value, visitors: r.visitors, visits: 0, pageviews: r.hits, bounces: 0, duration_sum: 0, events: 0 }));
    }
    const wanted = new Set([...goalNames(part.goals).map((n) => `event\n${n}`), ...goalPaths(part.goals).map((p) => `page\n${p}`)]);
    return found.filter((r) => wanted.has(`${r.kind}\n${r.value}`)).map((r) => ({ kind: r.kind, value: r.value, visitors: r.visitors, hits: r.hits }));
  });
}

const batchers = new WeakMap<ClickHouse, (q: StatsQuery, part: EventPart) => Promise<unknown>>();

/** The part's answer, from one statement with the other event parts of its view asked for in this turn. */
export function eventPanelTogether(ch: ClickHouse, q: StatsQuery, part: EventPart): Promise<unknown> {
  let together = batchers.get(ch);
  if (!together) batchers.set(ch, (together = createScanBatcher<EventPart>((view, parts) => eventPanels(ch, view, parts))));
  return together(q, part);
}
