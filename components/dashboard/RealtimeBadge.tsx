"use client";

import { useEffect, useState } from "react";

const REFRESH_MS = 10_000;

// "N current visitors": polls a tiny endpoint every 10 s while the tab is visible.
export function RealtimeBadge({ endpoint, initial }: { endpoint: string; initial: number | null }) {
  const [visitors, setVisitors] = useState<number | null>(initial);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(endpoint, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { visitors?: unknown };
        if (!cancelled && typeof body.visitors === "number") setVisitors(body.visitors);
      } catch {
        // Offline for a moment: keep the last figure.
      }
    };
    if (initial === null) void load();
    const timer = setInterval(load, REFRESH_MS);
    document.addEventListener("visibilitychange", load);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", load);
    };
  }, [endpoint, initial]);

  const label = visitors === null ? "Loading current visitors" : `${visitors} current visitor${visitors === 1 ? "" : "s"}`;
  return (
    <p className="inline-flex items-center gap-2 text-sm font-semibold text-slate-700" aria-live="polite" title="Visitors in the last 5 minutes">
      <span aria-hidden className="relative flex size-2.5">
        <span className={`absolute inline-flex size-full rounded-full bg-emerald-400 opacity-75 ${visitors ? "animate-ping" : ""}`} />
        <span className={`relative inline-flex size-2.5 rounded-full ${visitors ? "bg-emerald-500" : "bg-slate-300"}`} />
      </span>
      <span data-testid="realtime-visitors">{visitors === null ? "…" : label}</span>
    </p>
  );
}
