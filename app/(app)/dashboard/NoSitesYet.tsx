import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

export function NoSitesYet() {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <div aria-hidden className="mx-auto flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-6"><path strokeLinecap="round" strokeLinejoin="round" d="M3 3v18h18M7 15l4-4 3 3 5-6" /></svg>
      </div>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">Add your first site</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        Tell us the domain, paste one script tag, and watch visitors arrive — no cookies, no personal data, no consent banner needed.
      </p>
      <Link href="/sites/new" className={`${buttonPrimary} mt-6`}>
        <span aria-hidden className="text-lg leading-none">+</span> Add a site
      </Link>
    </div>
  );
}
