"use client";

import { useId, useState, type KeyboardEvent } from "react";
import type { BreakdownRow } from "@/lib/analytics/query/types";
import { BreakdownRowList } from "./BreakdownRowList";
import { DetailsDialog } from "./DetailsDialog";
import type { PanelTab } from "./panels";
import type { ViewParams } from "./view-params";

export type LoadedTab = PanelTab & { rows: BreakdownRow[]; hasMore: boolean };

// A panel with tabs (Channels / Sources / …). Every tab's top rows arrive with the page, so
// switching tabs needs no request; "Details" opens the full list with search.
export function BreakdownPanel({ title, tabs, basePath, view }: { title: string; tabs: LoadedTab[]; basePath: string; view: ViewParams }) {
  const [index, setIndex] = useState(0);
  const [details, setDetails] = useState(false);
  const id = useId();
  const tab = tabs[index] ?? tabs[0];
  if (!tab) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const next = (index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
    setIndex(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="flex min-h-[26rem] flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
        <div role="tablist" aria-label={`${title} breakdown`} className="flex flex-wrap gap-x-3 gap-y-1" onKeyDown={onKeyDown}>
          {tabs.map((t, i) => (
            <button
              key={t.dimension}
              id={`${id}-tab-${i}`}
              type="button"
              role="tab"
              aria-selected={i === index}
              aria-controls={`${id}-panel`}
              tabIndex={i === index ? 0 : -1}
              onClick={() => setIndex(i)}
              className={`border-b-2 pb-0.5 text-xs font-semibold transition-colors ${i === index ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${index}`} className="mt-4 flex flex-1 flex-col">
        <div className="mb-1 flex justify-between text-xs font-semibold uppercase tracking-wide text-slate-500">
          <span>{tab.column}</span>
          <span>Visitors</span>
        </div>
        {tab.rows.length === 0 ? (
          <p className="flex flex-1 items-center justify-center text-sm text-slate-500">No data for this period</p>
        ) : (
          <BreakdownRowList dimension={tab.dimension} rows={tab.rows} basePath={basePath} view={view} />
        )}
        {tab.rows.length > 0 && (
          <div className="mt-auto flex justify-center pt-3">
            <button type="button" onClick={() => setDetails(true)} className="rounded-md px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              Details <span aria-hidden>↗</span>
              <span className="sr-only"> — {tab.label}</span>
            </button>
          </div>
        )}
      </div>
      {details && <DetailsDialog tab={tab} basePath={basePath} view={view} onClose={() => setDetails(false)} />}
    </section>
  );
}
