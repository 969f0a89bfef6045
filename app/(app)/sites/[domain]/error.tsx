"use client";

import Link from "next/link";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";

// Anything under /sites/[domain] that fails outside a panel's own boundary.
export default function SiteError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-bold tracking-tight text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">Something went wrong on our side. Your data is safe; please try again.</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className={buttonPrimary}>Try again</button>
        <Link href="/dashboard" className={buttonSecondary}>Your sites</Link>
      </div>
    </div>
  );
}
