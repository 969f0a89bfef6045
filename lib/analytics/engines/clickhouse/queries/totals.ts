import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { dayRows, readsTogether } from "@/lib/analytics/engines/clickhouse/day-rows-cache";
import { toMetrics, type SumsRow } from "@/lib/analytics/query/metrics";
import type { Metrics, StatsQuery } from "@/lib/analytics/types";
import { SUMS } from "./metrics-sql";
import { visitPanelTogether } from "./visit-panels";

// Top stats: the totals of the visits that started in the period (and pass the filters),
// counted per local day of the site's time zone, then summed.

const totalsSql = (rows: string) => `SELECT ${SUMS} FROM (
  ${rows}
)`;

export async function totals(ch: ClickHouse, q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  if (readsTogether(q, range, ["total"])) return visitPanelTogether(ch, { ...q, range: { ...q.range, ...range } }, { kind: "totals" }) as Promise<Metrics>;
  const rows = await dayRows(ch, q, "total", range);
  const [row] = await ch.query<SumsRow>(totalsSql(rows.sql), rows.params);
  return toMetrics(row);
}
