import Link from "next/link";
import { PLANS, TRIAL_DAYS, formatEur, formatPageviews } from "@/lib/billing/plans";
import { BillingToggle, PriceTag } from "./BillingToggle";
import { CheckIcon } from "./icons";
import { buttonPrimary } from "./styles";

const INCLUDED = [
  "Every dashboard feature",
  "Goals and custom events",
  "Stats API",
  "Opt-in e-mail reports",
  "Shareable read-only links",
  "CSV export",
  "Hosting in the EU",
  "No cookies, no IP addresses stored",
];

export function PricingTable() {
  return (
    <div className="group/billing">
      <BillingToggle />
      <div className="mt-10 grid gap-10 lg:grid-cols-[1fr_20rem]">
        <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left">
            <caption className="sr-only">Plans by monthly pageviews; prices in euros</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-3 sm:px-6">Monthly pageviews</th>
                <th scope="col" className="px-5 py-3 sm:px-6">Price</th>
                <th scope="col" className="hidden px-6 py-3 sm:table-cell">
                  <span className="sr-only">Sign up</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {PLANS.map((plan) => (
                <tr key={plan.key} className="transition-colors hover:bg-slate-50/60">
                  <th scope="row" className="px-5 py-4 font-semibold text-slate-900 sm:px-6">
                    Up to {formatPageviews(plan.pageviewsPerMonth)}
                  </th>
                  <td className="px-5 py-4 whitespace-nowrap sm:px-6">
                    <PriceTag monthly={formatEur(plan.monthlyEur)} yearly={formatEur(plan.yearlyEur)} />
                  </td>
                  <td className="hidden px-6 py-4 text-right sm:table-cell">
                    <Link
                      href="/register"
                      className="inline-flex rounded-lg px-3 py-2 text-sm font-semibold text-brand-600 ring-1 ring-brand-100 transition-colors hover:bg-brand-50"
                    >
                      Start trial<span className="sr-only"> with up to {formatPageviews(plan.pageviewsPerMonth)} pageviews</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside aria-labelledby="included-title" className="rounded-2xl bg-slate-50 p-6 ring-1 ring-slate-200 lg:self-start">
          <h2 id="included-title" className="font-semibold text-slate-900">Every plan includes</h2>
          <ul className="mt-4 space-y-3 text-sm text-slate-700">
            {INCLUDED.map((item) => (
              <li key={item} className="flex gap-2">
                <CheckIcon className="size-5 shrink-0 text-brand-600" />
                {item}
              </li>
            ))}
          </ul>
          <Link href="/register" className={`${buttonPrimary} mt-6 w-full`}>
            Start your {TRIAL_DAYS}-day free trial
          </Link>
          <p className="mt-3 text-center text-xs text-slate-500">No credit card needed. Pick a plan when the trial ends.</p>
        </aside>
      </div>
    </div>
  );
}
