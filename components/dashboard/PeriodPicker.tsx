"use client";

import { useState, type FormEvent } from "react";
import { formatRange } from "@/lib/analytics/format";
import { PERIOD_LABELS } from "@/lib/analytics/labels";
import { Dropdown } from "./Dropdown";
import { menuItem, menuItemActive, toolbarButton } from "./menu-styles";
import { viewHref, withPeriod, type ViewParams } from "./view-params";
import { ViewLink } from "./ViewLink";
import { useViewNavigation } from "./ViewNavigation";

const GROUPS = [["today", "yesterday"], ["7d", "30d"], ["month", "last_month"], ["12mo"]] as const;

// The period menu: preset periods are plain links (the URL is the state); a custom range is
// two date inputs.
export function PeriodPicker({ basePath, view, range }: { basePath: string; view: ViewParams; range: { from: string; to: string } }) {
  const label = view.period === "custom" ? formatRange(range.from, range.to) : PERIOD_LABELS[view.period];
  return (
    <Dropdown label={<span className="min-w-24 text-left">{label}</span>} buttonClassName={toolbarButton} align="right" panelClassName="w-72">
      {(close) => (
        <nav aria-label="Period">
          {GROUPS.map((group, index) => (
            <ul key={index} className="border-b border-slate-100 py-1 first:pt-0">
              {group.map((period) => (
                <li key={period}>
                  <ViewLink
                    href={viewHref(basePath, withPeriod(view, period))}
                    onClick={close}
                    aria-current={view.period === period ? "true" : undefined}
                    className={`${menuItem} ${view.period === period ? menuItemActive : ""}`}
                  >
                    {PERIOD_LABELS[period]}
                  </ViewLink>
                </li>
              ))}
            </ul>
          ))}
          <CustomRangeForm basePath={basePath} view={view} range={range} onDone={close} />
        </nav>
      )}
    </Dropdown>
  );
}

function CustomRangeForm({ basePath, view, range, onDone }: { basePath: string; view: ViewParams; range: { from: string; to: string }; onDone: () => void }) {
  const navigation = useViewNavigation();
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get("from") ?? "");
    const to = String(data.get("to") ?? "");
    if (!from || !to) return setError("Choose both dates.");
    if (from > to) return setError("The start date must be before the end date.");
    onDone();
    const href = viewHref(basePath, withPeriod(view, "custom", { from, to }));
    if (navigation) navigation.navigate(href);
    else window.location.assign(href);
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form onSubmit={onSubmit} className="space-y-2 px-3 pb-2 pt-3" noValidate>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{PERIOD_LABELS.custom}</p>
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor="range-from">From</label>
        <input id="range-from" name="from" type="date" defaultValue={range.from} max={today} className="w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        <span aria-hidden className="text-slate-400">–</span>
        <label className="sr-only" htmlFor="range-to">To</label>
        <input id="range-to" name="to" type="date" defaultValue={range.to} max={today} className="w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500" />
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <button type="submit" className="w-full rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
        Apply range
      </button>
    </form>
  );
}
