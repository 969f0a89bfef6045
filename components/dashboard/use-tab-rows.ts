"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Dimension } from "@/lib/analytics/types";
import { PANEL_ROWS, type PanelRow } from "./panels";
import { toSearchParams, type ViewParams } from "./view-params";

export type TabRows = { status: "loading" } | { status: "error"; message?: string } | { status: "ok"; rows: PanelRow[] };

type Loaded = { viewKey: string; byDimension: Partial<Record<Dimension, TabRows>> };

// A panel's first tab arrives with the page; each other tab is fetched the first time it is
// asked for (shown, hovered or focused) from the endpoint the Details modal uses, and kept
// until the view (period, filters) changes.
export function useTabRows({ basePath, view, first }: { basePath: string; view: ViewParams; first: { dimension: Dimension; rows: PanelRow[] } }) {
  const viewKey = toSearchParams(view).toString();
  const [loaded, setLoaded] = useState<Loaded>({ viewKey, byDimension: {} });
  const requested = useRef(new Set<string>());
  const currentViewKey = useRef(viewKey);
  useEffect(() => {
    currentViewKey.current = viewKey;
  }, [viewKey]);

  const store = useCallback((forViewKey: string, dimension: Dimension, rows: TabRows) => {
    if (forViewKey !== currentViewKey.current) return;
    setLoaded((prev) => ({ viewKey: forViewKey, byDimension: { ...(prev.viewKey === forViewKey ? prev.byDimension : {}), [dimension]: rows } }));
  }, []);

  const load = useCallback(
    (dimension: Dimension) => {
      const key = `${viewKey}|${dimension}`;
      if (dimension === first.dimension || requested.current.has(key)) return;
      requested.current.add(key);
      store(viewKey, dimension, { status: "loading" });
      fetchTabRows(basePath, viewKey, dimension)
        .then((rows) => store(viewKey, dimension, { status: "ok", rows }))
        .catch((error: unknown) => {
          requested.current.delete(key); // "Try again" may ask once more
          store(viewKey, dimension, { status: "error", message: error instanceof BusyError ? error.message : undefined });
        });
    },
    [basePath, viewKey, first.dimension, store],
  );

  const rowsOf = (dimension: Dimension): TabRows => {
    if (dimension === first.dimension) return { status: "ok", rows: first.rows };
    return (loaded.viewKey === viewKey ? loaded.byDimension[dimension] : undefined) ?? { status: "loading" };
  };
  return { rowsOf, load };
}

class BusyError extends Error {}

async function fetchTabRows(basePath: string, viewKey: string, dimension: Dimension): Promise<PanelRow[]> {
  const params = new URLSearchParams(viewKey);
  params.set("dimension", dimension);
  params.set("limit", String(PANEL_ROWS));
  const response = await fetch(`${basePath}/breakdown?${params}`, { cache: "no-store" });
  // 503 / 504: busy or too slow, with a message meant for people (read-error-response.ts).
  if (response.status === 503 || response.status === 504) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new BusyError(body?.error?.message ?? "Busy right now. Please try again in a moment.");
  }
  if (!response.ok) throw new Error(`breakdown answered ${response.status}`);
  const body = (await response.json()) as { rows: PanelRow[] };
  return body.rows.map(({ value, visitors }) => ({ value, visitors }));
}
