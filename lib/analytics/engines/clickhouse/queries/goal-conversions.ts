import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { toGoalRows, type GoalSqlRow } from "@/lib/analytics/query/goals-sql";
import type { GoalDefinition, GoalRow, StatsQuery } from "@/lib/analytics/types";
import { eventConditions, PERIOD_BOUNDS, statsParams, visitConditions } from "./filters";

// Goals with their conversions: an event goal converts the visitors who fired that custom
// event, a page goal those who viewed exactly that path (visitors per local day of the
// event, summed, as the page and event panels count them). Conversion rate = converted
// visitors / all visitors of the period (toGoalRows).

const goalsSql = (events: string, visits: string) => `WITH ${PERIOD_BOUNDS}
SELECT kind, value, toFloat64(sum(visitors)) AS visitors, toFloat64(sum(n)) AS hits
FROM (
  SELECT if(e.name = 'pageview', 'page', 'event') AS kind, if(e.name = 'pageview', e.pathname, e.name) AS value,
    toDate(e.ts, {tz:String}) AS day, uniqExact(e.visitor_id) AS visitors, count() AS n
  FROM events AS e
  WHERE e.site_id = {site:String} AND e.ts >= lo AND e.ts < hi${events}
    AND (e.name = 'pageview' AND e.pathname IN {paths:Array(String)} OR e.name != 'pageview' AND e.name IN {names:Array(String)})
  GROUP BY kind, value, day
)
GROUP BY kind, value
UNION ALL
SELECT 'total', '', toFloat64(sum(visitors)), 0
FROM (
  SELECT toDate(v.started_at, {tz:String}) AS day, uniqExact(v.visitor_id) AS visitors
  FROM visits AS v FINAL
  WHERE v.site_id = {site:String} AND v.started_at >= lo AND v.started_at < hi${visits}
  GROUP BY day
)`;

export async function goalConversions(ch: ClickHouse, q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  const names = goals.flatMap((g) => (g.eventName ? [g.eventName] : []));
  const paths = goals.flatMap((g) => (g.pagePath && !g.eventName ? [g.pagePath] : []));
  const rows = await ch.query<GoalSqlRow>(goalsSql(eventConditions(q.filters), visitConditions(q.filters)), { ...statsParams(q), names, paths });
  return toGoalRows(rows, goals);
}
