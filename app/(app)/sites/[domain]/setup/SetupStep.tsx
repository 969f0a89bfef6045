import type { ReactNode } from "react";

export function SetupStep({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="relative flex gap-4">
      <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-bold text-white">{number}</span>
      <div className="min-w-0 flex-1 space-y-3 text-sm text-slate-600 [&_p_code]:rounded [&_p_code]:bg-slate-100 [&_p_code]:px-1 [&_p_code]:py-0.5 [&_p_code]:text-xs">
        <h2 className="pt-1 text-base font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </li>
  );
}
