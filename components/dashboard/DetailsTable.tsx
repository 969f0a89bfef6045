"use client";

import type { BreakdownRow } from "@/lib/analytics/types";
import { formatDuration, formatExact, formatPercent } from "@/lib/analytics/format";
import { displayValue } from "./dimension-value";
import type { PanelTab } from "./panels";
import { viewHref, withFilter, type ViewParams } from "./view-params";
import { ViewLink } from "./ViewLink";

const PAGE_DIMENSIONS = new Set(["page", "entry_page", "exit_page"]);

export function DetailsTable({ tab, rows, basePath, view, onNavigate }: { tab: PanelTab; rows: BreakdownRow[]; basePath: string; view: ViewParams; onNavigate: () => void }) {
  const pages = PAGE_DIMENSIONS.has(tab.dimension);
  return (
    <table className="w-full table-fixed text-sm">
      <thead className="sticky top-0 bg-white text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr className="border-b border-slate-100">
          <th scope="col" className="py-2 pr-3 text-left">{tab.column}</th>
          <th scope="col" className="w-24 px-3 py-2 text-right">Visitors</th>
          <th scope="col" className="w-28 px-3 py-2 text-right">{pages ? "Pageviews" : "Visits"}</th>
          <th scope="col" className="w-28 px-3 py-2 text-right max-sm:hidden">Bounce rate</th>
          <th scope="col" className="w-32 py-2 pl-3 text-right max-sm:hidden">Visit duration</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const shown = displayValue(tab.dimension, row.value);
          return (
            <tr key={row.value} className="border-b border-slate-50 hover:bg-slate-50">
              <td className="py-2 pr-3">
                <ViewLink href={viewHref(basePath, withFilter(view, tab.dimension, row.value))} onClick={onNavigate} className="flex min-w-0 items-center gap-2 text-slate-800 hover:text-brand-700 hover:underline">
                  {shown.icon && <span aria-hidden>{shown.icon}</span>}
                  <span className="truncate max-sm:whitespace-normal max-sm:[overflow-wrap:anywhere]" title={shown.text}>{shown.text}</span>
                </ViewLink>
              </td>
              <td className="px-3 py-2 text-right font-medium tabular-nums">{formatExact(row.visitors)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatExact(pages ? row.pageviews : row.visits)}</td>
              <td className="px-3 py-2 text-right tabular-nums max-sm:hidden">{formatPercent(row.bounceRate)}</td>
              <td className="py-2 pl-3 text-right tabular-nums max-sm:hidden">{formatDuration(row.visitDuration)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
