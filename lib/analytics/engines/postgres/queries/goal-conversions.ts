import { goalsSql, toGoalRows, type GoalSqlRow } from "@/lib/analytics/query/goals-sql";
import { readQuery } from "@/lib/analytics/query/read-query";
import { scanTogether } from "@/lib/analytics/query/scan-batcher";
import { statsSource, usesRawPath } from "@/lib/analytics/query/source";
import { SqlParams } from "@/lib/analytics/query/sql-params";
import type { GoalDefinition, GoalRow, StatsQuery } from "@/lib/analytics/types";

// Goals with their conversions and conversion rate (see query/goals-sql.ts).

const GOAL_KINDS = ["event", "page", "total"] as const;

export async function goalConversions(q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  if (usesRawPath(q, GOAL_KINDS)) return scanTogether(q, { kind: "goals", goals });
  const p = new SqlParams();
  const src = statsSource(q, p, { kinds: GOAL_KINDS });
  const { rows } = await readQuery<GoalSqlRow>(`${src.with} ${goalsSql(src, p, goals)}`, p.values, { site: q.site.id });
  return toGoalRows(rows, goals);
}
