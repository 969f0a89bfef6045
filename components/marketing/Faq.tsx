import type { ReactNode } from "react";

export type FaqEntry = { question: string; answer: ReactNode };

/** Questions as <details>: keyboard-accessible and open/close without JavaScript. */
export function Faq({ entries, title = "Frequently asked questions" }: { entries: readonly FaqEntry[]; title?: string }) {
  return (
    <section aria-labelledby="faq-title" className="mx-auto max-w-3xl">
      <h2 id="faq-title" className="text-center text-3xl font-bold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="mt-10 divide-y divide-slate-200 border-y border-slate-200">
        {entries.map((entry) => (
          <details key={entry.question} className="group py-2">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-6 rounded-md py-3 font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
              {entry.question}
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-slate-400 transition-transform group-open:rotate-45">
                <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
              </svg>
            </summary>
            <div className="pb-4 leading-7 text-slate-600">{entry.answer}</div>
          </details>
        ))}
      </div>
    </section>
  );
}
