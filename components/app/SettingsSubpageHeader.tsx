import Link from "next/link";
import type { ReactNode } from "react";

/** The top of a page under /settings: the way back to Settings, the page's title, an optional intro. */
export function SettingsSubpageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="space-y-3">
      <Link href="/settings" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        <span aria-hidden>←</span> Settings
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {children}
    </div>
  );
}
