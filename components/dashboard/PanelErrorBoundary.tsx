"use client";

import { catchError, type ErrorInfo } from "next/error";

// One panel failing (a slow or broken query) shows this in its place; the rest of the
// dashboard stays usable. The message is generic: server errors are not echoed.
function PanelError({ title, minHeight = "min-h-[26rem]" }: { title: string; minHeight?: string }, { retry }: ErrorInfo) {
  return (
    <div role="alert" className={`flex ${minHeight} flex-col items-center justify-center gap-3 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200`}>
      <p className="text-sm font-semibold text-slate-900">{title} could not be loaded</p>
      <p className="text-sm text-slate-500">Something went wrong on our side. It usually works on a second try.</p>
      <button type="button" onClick={() => retry()} className="rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
        Try again
      </button>
    </div>
  );
}

export const PanelErrorBoundary = catchError(PanelError);
