import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import type { Metrics, StatsQuery } from "@/lib/analytics/types";
import { visitPanelTogether } from "./visit-panels";

// Top stats: the totals of the visits that started in the period (and pass the filters),
// counted per local day of the site's time zone, then summed; from the statement the view's
// visit panels share (visit-panels.ts).

export function totals(ch: ClickHouse, q: StatsQuery, range: { from: string; to: string }): Promise<Metrics> {
  return visitPanelTogether(ch, { ...q, range: { ...q.range, ...range } }, { kind: "totals" }) as Promise<Metrics>;
}
