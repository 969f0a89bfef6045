"use client";

// Client components only so that the flight payload refers to them instead of spelling out
// every placeholder element of every Suspense fallback; they render on the server all the same.
// Placeholders with the shape of what is loading, so nothing jumps when it arrives.

import { StillWorking } from "./StillWorking";

const pulse = "animate-pulse rounded bg-slate-200/70";

export function OverviewSkeleton() {
  return (
    <div className="relative">
      <OverviewPlaceholder />
      <StillWorking />
    </div>
  );
}

function OverviewPlaceholder() {
  return (
    <div aria-hidden className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="grid grid-cols-2 border-b border-slate-100 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="space-y-2 px-5 py-4">
            <div className={`${pulse} h-3 w-20`} />
            <div className={`${pulse} h-7 w-16`} />
          </div>
        ))}
      </div>
      <div className="p-5">
        <div className={`${pulse} h-[260px] w-full rounded-lg bg-slate-100`} />
      </div>
    </div>
  );
}

export function PanelSkeleton({ rows = 7 }: { rows?: number }) {
  return (
    <div className="relative">
      <PanelPlaceholder rows={rows} />
      <StillWorking />
    </div>
  );
}

function PanelPlaceholder({ rows }: { rows: number }) {
  return (
    <div aria-hidden className="min-h-[26rem] rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex justify-between">
        <div className={`${pulse} h-5 w-24`} />
        <div className={`${pulse} h-4 w-40`} />
      </div>
      <div className="mt-6 space-y-2.5">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-3">
            <div className={`${pulse} h-7 bg-slate-100`} style={{ width: `${90 - i * 11}%` }} />
            <div className={`${pulse} ml-auto h-4 w-10`} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function HeaderSkeleton() {
  return (
    <div aria-hidden className="flex items-center justify-between">
      <div className={`${pulse} h-8 w-56`} />
      <div className={`${pulse} h-9 w-40`} />
    </div>
  );
}

export function DashboardSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the dashboard">
      <HeaderSkeleton />
      <OverviewPlaceholder />
      <div className="grid gap-6 lg:grid-cols-2">
        <PanelPlaceholder rows={7} />
        <PanelPlaceholder rows={7} />
        <PanelPlaceholder rows={7} />
        <PanelPlaceholder rows={7} />
      </div>
    </div>
  );
}
