import Link from "next/link";
import { TRIAL_DAYS } from "@/lib/billing/plans";
import { buttonPrimary, buttonSecondary, container } from "./styles";

export function CallToAction({ title = "See your first visitors in five minutes" }: { title?: string }) {
  return (
    <section aria-labelledby="cta-title" className="py-20 sm:py-24">
      <div className={container}>
        <div className="relative overflow-hidden rounded-3xl bg-brand-50 px-6 py-14 text-center ring-1 ring-brand-100 sm:px-12">
          <h2 id="cta-title" className="text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl">
            {title}
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg leading-8 text-slate-600">
            Free for {TRIAL_DAYS} days, with every feature. All you need is an e-mail address.
          </p>
          <div className="mt-8 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Link href="/register" className={`${buttonPrimary} px-6 py-3 text-base`}>
              Start free trial
            </Link>
            <Link href="/pricing" className={`${buttonSecondary} px-6 py-3 text-base`}>
              Compare plans
            </Link>
          </div>
        </div>
      </div>
    </section>
  );
}
