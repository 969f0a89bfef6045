"use client";

import type { Dimension } from "@/lib/analytics/types";
import { formatCount, formatExact } from "@/lib/analytics/format";
import { DIMENSION_LABELS } from "@/lib/analytics/labels";
import { displayValue } from "./dimension-value";
import type { PanelRow } from "./panels";
import { viewHref, withFilter, type ViewParams } from "./view-params";
import { ViewLink } from "./ViewLink";

// Rows of a breakdown: a bar as wide as the row's share of the top row's visitors, the value
// (a link that adds it as a filter) and the visitor count.
export function BreakdownRowList({
  dimension,
  rows,
  basePath,
  view,
  onNavigate,
}: {
  dimension: Dimension;
  rows: PanelRow[];
  basePath: string;
  view: ViewParams;
  onNavigate?: () => void;
}) {
  const max = Math.max(1, ...rows.map((r) => r.visitors));
  return (
    <ul className="space-y-1">
      {rows.map((row) => {
        const shown = displayValue(dimension, row.value);
        return (
          <li key={row.value} className="flex items-center gap-3 text-sm">
            <ViewLink
              href={viewHref(basePath, withFilter(view, dimension, row.value))}
              onClick={onNavigate}
              title={`Filter by ${DIMENSION_LABELS[dimension].toLowerCase()}: ${shown.text}`}
              className="group relative flex h-8 min-w-0 flex-1 items-center rounded-md"
            >
              <span aria-hidden className="absolute inset-y-0 left-0 rounded-md bg-brand-50 transition-colors group-hover:bg-brand-100" style={{ width: `${(row.visitors / max) * 100}%` }} />
              <span className="relative flex min-w-0 items-center gap-2 px-2 text-slate-800 group-hover:text-slate-950 group-hover:underline group-hover:decoration-slate-300 group-hover:underline-offset-2">
                {shown.icon && <span aria-hidden className="text-base leading-none">{shown.icon}</span>}
                <span className="truncate">{shown.text}</span>
              </span>
            </ViewLink>
            <span className="w-14 shrink-0 text-right font-medium tabular-nums text-slate-800" title={`${formatExact(row.visitors)} visitors`}>
              {formatCount(row.visitors)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
