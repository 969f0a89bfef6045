import { goalsSql, toGoalRows, type GoalSqlRow } from "./goals-sql";
import { scanTogether } from "./scan-batcher";
import { statsSource, usesRawPath } from "./source";
import { SqlParams } from "./sql-params";
import type { GoalDefinition, GoalRow, StatsQuery } from "@/lib/analytics/types";
import { readQuery } from "./read-query";

// Goals with their conversions and conversion rate (see goals-sql.ts).

const GOAL_KINDS = ["event", "page", "total"] as const;

export async function getGoalConversions(q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]> {
  if (goals.length === 0) return [];
  if (usesRawPath(q, GOAL_KINDS)) return scanTogether(q, { kind: "goals", goals });
  const p = new SqlParams();
  const src = statsSource(q, p, { kinds: GOAL_KINDS });
  const { rows } = await readQuery<GoalSqlRow>(`${src.with} ${goalsSql(src, p, goals)}`, p.values, { site: q.site.id });
  return toGoalRows(rows, goals);
}
