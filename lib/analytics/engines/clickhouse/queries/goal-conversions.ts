import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { toGoalRows, type GoalSqlRow } from "@/lib/analytics/query/goals-sql";
import type { GoalDefinition, GoalRow, Metrics, StatsQuery } from "@/lib/analytics/types";
import { eventPanelTogether } from "./event-panels";
import { visitPanelTogether } from "./visit-panels";

// Goals with their conversions, read from the event and page rows so they match those
// panels: an event goal converts the visitors who fired that custom event, a page goal those
// who viewed exactly that path. Conversion rate = converted visitors / all visitors of the
// period (toGoalRows). A view read from raw events (filtered, mostly) gets them from the
// statement it shares with the top pages (event-panels.ts) and its visitors from the one it
// shares with the top stats (visit-panels.ts), both asked for in this turn.

export async function goalConversions(ch: ClickHouse, q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  const [rows, period] = await Promise.all([
    eventPanelTogether(ch, q, { kind: "goals", goals }) as Promise<GoalSqlRow[]>,
    visitPanelTogether(ch, q, { kind: "totals" }) as Promise<Metrics>,
  ]);
  return toGoalRows([...rows, { kind: "total", value: "", visitors: period.visitors, hits: 0 }], goals);
}
