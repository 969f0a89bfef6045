"use client";

import { useEffect, useRef, useState } from "react";
import type { BreakdownRow } from "@/lib/analytics/types";
import { DetailsTable } from "./DetailsTable";
import { CloseIcon } from "./icons";
import type { PanelTab } from "./panels";
import { toSearchParams, type ViewParams } from "./view-params";

export const DETAILS_PAGE_SIZE = 20;

type Page = { rows: BreakdownRow[]; hasMore: boolean };
type State = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; page: Page };

// The full list of one breakdown in a modal <dialog>: search, pages of 20, Esc closes.
export function DetailsDialog({ tab, basePath, view, onClose }: { tab: PanelTab; basePath: string; view: ViewParams; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  // Each answer remembers the URL it is for; while the URL has none, the list is loading.
  const [answer, setAnswer] = useState<{ url: string; state: State } | null>(null);

  const params = toSearchParams(view);
  params.set("dimension", tab.dimension);
  params.set("limit", String(DETAILS_PAGE_SIZE));
  params.set("offset", String(offset));
  if (query) params.set("search", query);
  const url = `${basePath}/breakdown?${params}`;
  const state: State = answer?.url === url ? answer.state : { status: "loading" };

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setOffset(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = (await response.json()) as Page & { error?: { message: string } };
        if (!response.ok) throw new Error(body.error?.message ?? "Could not load this list.");
        setAnswer({ url, state: { status: "ok", page: body } });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ url, state: { status: "error", message: error instanceof Error ? error.message : "Could not load this list." } });
      });
    return () => controller.abort();
  }, [url]);

  const page = state.status === "ok" ? state.page : null;
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && dialog.current.close()}
      aria-labelledby="details-title"
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px]"
    >
      <div className="flex max-h-[85vh] flex-col p-6">
        <div className="flex items-center justify-between gap-4">
          <h2 id="details-title" className="text-lg font-semibold text-slate-900">{tab.label}</h2>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close" className="rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
            <CloseIcon className="size-5" />
          </button>
        </div>
        <label htmlFor="details-search" className="sr-only">Search {tab.label.toLowerCase()}</label>
        <input
          id="details-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={`Search ${tab.column.toLowerCase()}…`}
          autoComplete="off"
          className="mt-4 block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500"
        />
        <div className="mt-4 min-h-[20rem] flex-1 overflow-y-auto" aria-busy={state.status === "loading"}>
          {state.status === "error" && <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{state.message}</p>}
          {state.status === "loading" && <p className="py-16 text-center text-sm text-slate-500">Loading…</p>}
          {page && page.rows.length === 0 && <p className="py-16 text-center text-sm text-slate-500">{query ? `Nothing matches “${query}”.` : "No data for this period."}</p>}
          {page && page.rows.length > 0 && <DetailsTable tab={tab} rows={page.rows} basePath={basePath} view={view} onNavigate={() => dialog.current?.close()} />}
        </div>
        <div className="mt-4 flex items-center justify-between border-t border-slate-100 pt-4 text-sm text-slate-600">
          <span>{page && page.rows.length > 0 ? `${offset + 1}–${offset + page.rows.length}` : ""}</span>
          <div className="flex gap-2">
            <button type="button" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - DETAILS_PAGE_SIZE))} className="rounded-lg px-3 py-1.5 font-medium ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-40">
              Previous
            </button>
            <button type="button" disabled={!page?.hasMore} onClick={() => setOffset((o) => o + DETAILS_PAGE_SIZE)} className="rounded-lg px-3 py-1.5 font-medium ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-40">
              Next
            </button>
          </div>
        </div>
      </div>
    </dialog>
  );
}
