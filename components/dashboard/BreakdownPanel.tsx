"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { BreakdownRowList } from "./BreakdownRowList";
import { DetailsDialog } from "./DetailsDialog";
import type { PanelRow, PanelTab } from "./panels";
import { TabRowsSkeleton } from "./TabRowsSkeleton";
import { useTabRows, type TabRows } from "./use-tab-rows";
import type { ViewParams } from "./view-params";

// A panel with tabs (Channels / Sources / …). The first tab's rows arrive with the page; the
// others load when first shown (hovering or focusing a tab starts early); "Details" opens the
// full list with search.
export function BreakdownPanel({
  title,
  tabs,
  firstRows,
  basePath,
  view,
}: {
  title: string;
  tabs: [PanelTab, ...PanelTab[]];
  firstRows: PanelRow[];
  basePath: string;
  view: ViewParams;
}) {
  const [index, setIndex] = useState(0);
  const [details, setDetails] = useState(false);
  const id = useId();
  const { rowsOf, load } = useTabRows({ basePath, view, first: { dimension: tabs[0].dimension, rows: firstRows } });
  const tab = tabs[index] ?? tabs[0];
  const shown = rowsOf(tab.dimension);

  useEffect(() => load(tab.dimension), [load, tab.dimension]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const next = (index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
    setIndex(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="flex min-h-[26rem] min-w-0 flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
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
              onPointerEnter={() => load(t.dimension)}
              onFocus={() => load(t.dimension)}
              className={`border-b-2 pb-0.5 text-xs font-semibold transition-colors ${i === index ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${index}`} aria-busy={shown.status === "loading"} className="mt-4 flex flex-1 flex-col">
        <div className="mb-1 flex justify-between text-xs font-semibold uppercase tracking-wide text-slate-500">
          <span>{tab.column}</span>
          <span>Visitors</span>
        </div>
        <TabContent tab={tab} shown={shown} basePath={basePath} view={view} onRetry={() => load(tab.dimension)} />
        {shown.status === "ok" && shown.rows.length > 0 && (
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

function TabContent({ tab, shown, basePath, view, onRetry }: { tab: PanelTab; shown: TabRows; basePath: string; view: ViewParams; onRetry: () => void }) {
  if (shown.status === "loading") return <TabRowsSkeleton />;
  if (shown.status === "error") {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-2 text-sm text-slate-500">
        <p>{tab.label} could not be loaded.</p>
        {shown.message && <p className="max-w-sm text-center">{shown.message}</p>}
        <button type="button" onClick={onRetry} className="rounded-lg px-3 py-1.5 font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          Try again
        </button>
      </div>
    );
  }
  if (shown.rows.length === 0) return <p className="flex flex-1 items-center justify-center text-sm text-slate-500">No data for this period</p>;
  return <BreakdownRowList dimension={tab.dimension} rows={shown.rows} basePath={basePath} view={view} />;
}
