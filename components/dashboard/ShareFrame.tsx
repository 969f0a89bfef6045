import Link from "next/link";
import type { ReactNode } from "react";

// The chrome around a shared dashboard: our name, "read-only", nothing to sign in to.
export function ShareFrame({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4 sm:px-6 lg:px-8">
          <Link href="/" className="text-base font-bold tracking-tight text-slate-900">
            Mini<span className="text-brand-600">Stat</span>
          </Link>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">Shared dashboard · read-only</span>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
      <footer className="pb-10 text-center text-xs text-slate-500">
        Privacy-friendly statistics by{" "}
        <Link href="/" className="font-medium text-slate-700 hover:text-slate-900">MiniStat</Link> — no cookies, no personal data.
      </footer>
    </div>
  );
}
