import Link from "next/link";
import { TRIAL_DAYS } from "@/lib/billing/plans";
import { DashboardPreview } from "./DashboardPreview";
import { buttonPrimary, buttonSecondary, container } from "./styles";

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      <div aria-hidden="true" className="absolute inset-x-0 top-0 -z-10 h-[32rem] bg-gradient-to-b from-brand-50 via-white to-white" />
      <div className={`${container} pt-16 pb-20 sm:pt-24`}>
        <div className="mx-auto max-w-3xl text-center">
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-4 py-1.5 text-sm font-medium text-slate-600 shadow-sm ring-1 ring-slate-200">
            <span className="size-2 shrink-0 rounded-full bg-emerald-500" aria-hidden="true" />
            <span>No cookies · No IP addresses stored · Hosted in the EU</span>
          </p>
          <h1 id="hero-title" className="mt-8 text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-6xl">
            Simple web analytics that respects your visitors
          </h1>
          <p className="mt-6 text-lg leading-8 text-pretty text-slate-600 sm:text-xl">
            MiniStat shows what matters on one fast page (visitors, pages, sources, locations and devices) without
            cookies, without storing IP addresses and without any personal data of the people visiting your site.
          </p>
          <div className="mt-10 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Link href="/register" className={`${buttonPrimary} px-6 py-3 text-base`}>
              Start your {TRIAL_DAYS}-day free trial
            </Link>
            <Link href="/pricing" className={`${buttonSecondary} px-6 py-3 text-base`}>
              See pricing
            </Link>
          </div>
          <p className="mt-4 text-sm text-slate-500">Only an e-mail address needed. No credit card, no password.</p>
        </div>
        <div className="mx-auto mt-16 max-w-5xl">
          <DashboardPreview />
        </div>
      </div>
    </section>
  );
}
