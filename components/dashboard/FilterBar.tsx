import { DIMENSION_LABELS } from "@/lib/analytics/labels";
import { CloseIcon } from "./icons";
import { displayValue } from "./dimension-value";
import { activeFilters, viewHref, withoutFilter, type ViewParams } from "./view-params";
import { ViewLink } from "./ViewLink";

// The active filters as removable chips; each chip is a link to the view without it.
export function FilterBar({ basePath, view }: { basePath: string; view: ViewParams }) {
  const filters = activeFilters(view);
  if (filters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {filters.map(([dimension, value]) => {
        const shown = displayValue(dimension, value);
        return (
          <span key={dimension} className="inline-flex min-w-0 max-w-full items-center gap-1 rounded-full bg-white py-1 pl-3 pr-1 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
            <span className="truncate" title={`${DIMENSION_LABELS[dimension]} is ${shown.text}`}>
              {DIMENSION_LABELS[dimension]} is{" "}
              <strong className="font-semibold text-slate-900">
                {shown.icon && <span aria-hidden>{shown.icon} </span>}
                {shown.text}
              </strong>
            </span>
            <ViewLink
              href={viewHref(basePath, withoutFilter(view, dimension))}
              aria-label={`Remove filter ${DIMENSION_LABELS[dimension]} is ${shown.text}`}
              className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            >
              <CloseIcon className="size-4" />
            </ViewLink>
          </span>
        );
      })}
      {filters.length > 1 && (
        <ViewLink href={viewHref(basePath, { ...view, filters: {} })} className="px-2 text-sm font-medium text-slate-500 hover:text-slate-800">
          Clear all
        </ViewLink>
      )}
    </div>
  );
}
