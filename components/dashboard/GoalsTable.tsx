import type { GoalDefinition, GoalRow } from "@/lib/analytics/types";
import { formatExact, formatRate } from "@/lib/analytics/format";
import { viewHref, withFilter, type ViewParams } from "./view-params";
import { ViewLink } from "./ViewLink";

export function GoalsTable({ rows, goals, basePath, view }: { rows: GoalRow[]; goals: GoalDefinition[]; basePath: string; view: ViewParams }) {
  const max = Math.max(1, ...rows.map((r) => r.visitors));
  const byId = new Map(goals.map((g) => [g.id, g]));
  return (
    <table className="mt-4 w-full table-fixed text-sm">
      <thead className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="pb-2 text-left">Goal</th>
          <th scope="col" className="w-16 pb-2 text-right sm:w-24" title="Unique visitors who converted">Uniques</th>
          <th scope="col" className="w-16 pb-2 text-right sm:w-24" title="Total conversions">Total</th>
          <th scope="col" className="w-16 pb-2 text-right sm:w-24"><abbr title="Conversion rate" className="no-underline">CR</abbr></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const goal = byId.get(row.goalId);
          const filtered = goal?.eventName ? withFilter(view, "event", goal.eventName) : goal?.pagePath ? withFilter(view, "page", goal.pagePath) : view;
          return (
            <tr key={row.goalId} data-testid="goal-row">
              <td className="py-1 pr-3">
                <ViewLink href={viewHref(basePath, filtered)} className="group relative flex h-8 items-center rounded-md" title={`Filter by this goal: ${row.label}`}>
                  <span aria-hidden className="absolute inset-y-0 left-0 rounded-md bg-emerald-50 group-hover:bg-emerald-100" style={{ width: `${(row.visitors / max) * 100}%` }} />
                  <span className="relative truncate px-2 text-slate-800 group-hover:underline group-hover:decoration-slate-300">{row.label}</span>
                </ViewLink>
              </td>
              <td className="text-right font-medium tabular-nums text-slate-800">{formatExact(row.visitors)}</td>
              <td className="text-right tabular-nums text-slate-600">{formatExact(row.events)}</td>
              <td className="text-right font-medium tabular-nums text-slate-800">{formatRate(row.conversionRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
