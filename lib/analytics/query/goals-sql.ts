import type { StatsSource } from "./source";
import type { SqlParams } from "./sql-params";
import type { GoalDefinition, GoalRow } from "@/lib/analytics/types";

// The SQL of the goals: an event goal converts the visitors who fired that custom event, a page goal those
// who viewed exactly that path. Conversion rate = converted visitors / all visitors of the
// period (in %). Read from the "event" and "page" rows, so it matches those panels.

export type GoalSqlRow = { kind: "event" | "page" | "total"; value: string; visitors: number; hits: number };

export function goalsSql(src: StatsSource, p: SqlParams, goals: GoalDefinition[]): string {
  const eventNames = goals.flatMap((g) => (g.eventName ? [g.eventName] : []));
  const pagePaths = goals.flatMap((g) => (g.pagePath && !g.eventName ? [g.pagePath] : []));
  return `SELECT 'event' AS kind, value, sum(visitors)::float8 AS visitors, sum(events)::float8 AS hits
      FROM (${src.daily("event")}) s WHERE value = ANY(${p.add(eventNames, "text[]")}) GROUP BY value
    UNION ALL
    SELECT 'page', value, sum(visitors)::float8, sum(pageviews)::float8
      FROM (${src.daily("page")}) s WHERE value = ANY(${p.add(pagePaths, "text[]")}) GROUP BY value
    UNION ALL
    SELECT 'total', '', coalesce(sum(visitors), 0)::float8, 0 FROM (${src.daily("total")}) s`;
}

export function toGoalRows(rows: GoalSqlRow[], goals: GoalDefinition[]): GoalRow[] {
  const found = new Map(rows.map((r) => [`${r.kind}:${r.value}`, r]));
  const total = found.get("total:")?.visitors ?? 0;
  return goals.map((goal): GoalRow => {
    const kind = goal.eventName ? "event" : "page";
    const value = goal.eventName ?? goal.pagePath ?? "";
    const row = found.get(`${kind}:${value}`);
    const visitors = row?.visitors ?? 0;
    return {
      goalId: goal.id,
      label: kind === "event" ? value : `Visit ${value}`,
      kind,
      visitors,
      events: row?.hits ?? 0,
      conversionRate: total > 0 ? Math.round((visitors / total) * 1000) / 10 : 0,
    };
  });
}
