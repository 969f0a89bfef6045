import { DIMENSIONS, type Dimension, type Filters, type PeriodKey } from "@/lib/analytics/types";

// What a dashboard view is made of — period and filters — and its URL form. These are the
// search params parseStatsParams reads, so a link reproduces the view exactly.

export type ViewParams = { period: PeriodKey; from?: string; to?: string; filters: Filters };

export const DEFAULT_PERIOD: PeriodKey = "30d";

export function toSearchParams(view: ViewParams): URLSearchParams {
  const search = new URLSearchParams();
  if (view.period !== DEFAULT_PERIOD) search.set("period", view.period);
  if (view.period === "custom") {
    if (view.from) search.set("from", view.from);
    if (view.to) search.set("to", view.to);
  }
  for (const dimension of DIMENSIONS) {
    const value = view.filters[dimension];
    if (value !== undefined) search.set(dimension, value);
  }
  return search;
}

export function viewHref(basePath: string, view: ViewParams, extra?: Record<string, string>): string {
  const search = toSearchParams(view);
  for (const [key, value] of Object.entries(extra ?? {})) search.set(key, value);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

export function withFilter(view: ViewParams, dimension: Dimension, value: string): ViewParams {
  return { ...view, filters: { ...view.filters, [dimension]: value } };
}

export function withoutFilter(view: ViewParams, dimension: Dimension): ViewParams {
  const filters = { ...view.filters };
  delete filters[dimension];
  return { ...view, filters };
}

export function withPeriod(view: ViewParams, period: PeriodKey, custom?: { from: string; to: string }): ViewParams {
  return period === "custom" && custom ? { ...view, period, ...custom } : { period, filters: view.filters };
}

export function activeFilters(view: ViewParams): [Dimension, string][] {
  return DIMENSIONS.flatMap((dimension) => {
    const value = view.filters[dimension];
    return value === undefined ? [] : [[dimension, value] as [Dimension, string]];
  });
}
