import type { ReactNode } from "react";
import { container, eyebrow } from "./styles";

export type TocEntry = { id: string; label: string };

/** Heading ids for the table of contents: "Retention of data" → "retention-of-data". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const legalH2 = "scroll-mt-24 text-2xl font-bold tracking-tight text-slate-900";
export const legalP = "mt-4 leading-7 text-slate-700";

/** Shared frame of /privacy and /terms: title, prominent date, contents, article. */
export function LegalPage({
  title,
  updatedAt,
  toc,
  children,
}: {
  title: string;
  updatedAt: string;
  toc: readonly TocEntry[];
  children: ReactNode;
}) {
  return (
    <div className={`${container} py-16 sm:py-20`}>
      <header className="border-b border-slate-200 pb-10">
        <p className={eyebrow}>Legal</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{title}</h1>
        <p className="mt-5 inline-flex items-center gap-2 rounded-full bg-brand-50 px-4 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-brand-100">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M6 2a1 1 0 0 1 1 1v1h6V3a1 1 0 1 1 2 0v1h1a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h1V3a1 1 0 0 1 1-1ZM4 8v8h12V8H4Z" />
          </svg>
          <span>
            Updated at: <time dateTime={updatedAt}>{updatedAt}</time>
          </span>
        </p>
      </header>
      <div className="mt-12 grid gap-12 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="On this page" className="lg:sticky lg:top-24 lg:self-start">
          <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">On this page</h2>
          <ol className="mt-3 space-y-2 border-l border-slate-200 text-sm">
            {toc.map((entry) => (
              <li key={entry.id}>
                <a
                  href={`#${entry.id}`}
                  className="-ml-px block border-l border-transparent pl-4 text-slate-600 transition-colors hover:border-slate-400 hover:text-slate-900"
                >
                  {entry.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <article className="max-w-3xl min-w-0">{children}</article>
      </div>
    </div>
  );
}
