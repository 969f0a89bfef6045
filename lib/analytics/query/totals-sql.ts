import { SUMS } from "./metrics";
import type { StatsSource } from "./source";

// The SQL of the top stats: the period's totals.

export function totalsSql(src: StatsSource): string {
  return `SELECT ${SUMS} FROM (${src.daily("total")}) s`;
}
