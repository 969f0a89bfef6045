import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { dayRows, readsTogether } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { toGoalRows, type GoalSqlRow } from "@/lib/analytics/query/goals-sql";
import type { GoalDefinition, GoalRow, Metrics, StatsQuery } from "@/lib/analytics/types";
import { eventPanelTogether } from "./event-panels";
import { NO_INDEX_FOR_VISIT_LOOKUP } from "./filters";
import { visitPanelTogether } from "./visit-panels";

// Goals with their conversions, read from the event and page rows so they match those
// panels: an event goal converts the visitors who fired that custom event, a page goal those
// who viewed exactly that path. Conversion rate = converted visitors / all visitors of the
// period (toGoalRows). A view read from raw events (filtered, mostly) gets them from the
// statement it shares with the top pages (event-panels.ts) and its visitors from the one it
// shares with the top stats (visit-panels.ts), both asked for in this turn.

const goalsSql = (events: string, pages: string, total: string) => `SELECT 'event' AS kind, value, toFloat64(sum(visitors)) AS visitors, toFloat64(sum(events)) AS hits
FROM (
  ${events}
)
WHERE value IN {names:Array(String)}
GROUP BY value
UNION ALL
SELECT 'page', value, toFloat64(sum(visitors)), toFloat64(sum(pageviews))
FROM (
  ${pages}
)
WHERE value IN {paths:Array(String)}
GROUP BY value
UNION ALL
SELECT 'total', '', toFloat64(sum(visitors)), 0
FROM (
  ${total}
)
${NO_INDEX_FOR_VISIT_LOOKUP}`;

export async function goalConversions(ch: ClickHouse, q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  const names = goals.flatMap((g) => (g.eventName ? [g.eventName] : []));
  const paths = goals.flatMap((g) => (g.pagePath && !g.eventName ? [g.pagePath] : []));
  if (readsTogether(q, q.range, ["page", "event", "total"])) {
    const [rows, period] = await Promise.all([
      eventPanelTogether(ch, q, { kind: "goals", goals }) as Promise<GoalSqlRow[]>,
      visitPanelTogether(ch, q, { kind: "totals" }) as Promise<Metrics>,
    ]);
    return toGoalRows([...rows, { kind: "total", value: "", visitors: period.visitors, hits: 0 }], goals);
  }
  const [events, pages, total] = await Promise.all([dayRows(ch, q, "event", q.range, "lean"), dayRows(ch, q, "page", q.range, "lean"), dayRows(ch, q, "total")]);
  const params = { ...events.params, ...pages.params, ...total.params, names, paths };
  const rows = await ch.query<GoalSqlRow>(goalsSql(events.sql, pages.sql, total.sql), params);
  return toGoalRows(rows, goals);
}
