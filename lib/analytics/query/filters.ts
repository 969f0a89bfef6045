import { utcBounds, type RawScope } from "@/lib/analytics/rollups/aggregate-sql";
import type { SqlParams } from "./sql-params";
import { DIMENSIONS, type Filters } from "@/lib/analytics/types";

// Filters pick a set of visits; every metric is then computed over those visits. A page
// filter keeps the visits that include a pageview of that page, an event filter the visits
// that fired that event (looked up through the (site_id, ts) index of events).

// Events of a visit can come after the period ends (a visit that crosses midnight).
const VISIT_TAIL = "interval '1 day'";

export function filterConditions(filters: Filters, p: SqlParams, scope: Omit<RawScope, "conditions">): string[] {
  const { lo, hi } = utcBounds(scope);
  const conditions: string[] = [];
  for (const dimension of DIMENSIONS) {
    const value = filters[dimension];
    if (value === undefined) continue;
    const param = p.add(value, "text");
    if (dimension === "page" || dimension === "event") {
      const match = dimension === "page" ? `e.name = 'pageview' AND e.pathname = ${param}` : `e.name = ${param} AND e.name <> 'pageview'`;
      conditions.push(`v.visit_id IN (SELECT e.visit_id FROM events e
        WHERE e.site_id = ${scope.site} AND e.ts >= ${lo} AND e.ts < ${hi} + ${VISIT_TAIL} AND ${match})`);
    } else {
      conditions.push(`v.${dimension} = ${param}`);
    }
  }
  return conditions;
}
