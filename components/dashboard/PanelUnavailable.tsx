"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

// A panel whose query did not get its turn in time, or ran into the time limit (see
// lib/analytics/query/read-errors.ts): said plainly, with a way to ask again. Not an error
// boundary: the page answered normally and the rest of the dashboard is usable.

export type UnavailableReason = "busy" | "timeout";

export function PanelUnavailable({ title, reason, message, minHeight = "min-h-[26rem]" }: { title: string; reason: UnavailableReason; message: string; minHeight?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="alert"
      data-panel-unavailable={reason}
      className={`flex ${minHeight} flex-col items-center justify-center gap-3 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200`}
    >
      <p className="text-sm font-semibold text-slate-900">{reason === "busy" ? `${title}: busy right now` : `${title} took too long`}</p>
      <p className="max-w-sm text-sm text-slate-600">{message}</p>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(() => router.refresh())}
        className="rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
