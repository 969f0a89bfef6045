"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

const POLL_MS = 3000;

// Polls the site's status until the first pageview arrives, then points at the dashboard.
export function WaitingForPageview({ statusUrl, dashboardHref, initial }: { statusUrl: string; dashboardHref: string; initial: boolean }) {
  const [arrived, setArrived] = useState(initial);

  useEffect(() => {
    if (arrived) return;
    let stopped = false;
    const check = async () => {
      try {
        const response = await fetch(statusUrl, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { hasEvents?: unknown };
        if (!stopped && body.hasEvents === true) setArrived(true);
      } catch {
        // Try again on the next tick.
      }
    };
    const timer = setInterval(check, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [arrived, statusUrl]);

  return (
    <div
      role="status"
      data-testid="first-pageview-status"
      className={`flex flex-wrap items-center justify-between gap-4 rounded-xl px-5 py-4 ring-1 ${arrived ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200"}`}
    >
      <p className="flex items-center gap-3 text-sm font-medium">
        <span aria-hidden className="relative flex size-3">
          <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-75 ${arrived ? "bg-emerald-400" : "bg-amber-400"}`} />
          <span className={`relative inline-flex size-3 rounded-full ${arrived ? "bg-emerald-500" : "bg-amber-500"}`} />
        </span>
        {arrived ? <span className="text-emerald-900">Pageviews are arriving — open the dashboard</span> : <span className="text-slate-700">Waiting for the first pageview…</span>}
      </p>
      {arrived ? (
        <Link href={dashboardHref} className="inline-flex items-center gap-2 rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800">
          Open the dashboard <span aria-hidden>→</span>
        </Link>
      ) : (
        <span className="text-xs text-slate-500">This updates by itself once you load a page with the script.</span>
      )}
    </div>
  );
}
