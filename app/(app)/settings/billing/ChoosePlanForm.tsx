"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { PLANS, formatEur, formatPageviews, type PlanKey } from "@/lib/billing/plans";
import { idleFormState } from "@/lib/http/form-state";
import { startCheckoutAction } from "./actions";

// Plan and billing period, then Stripe Checkout. Sends a plan key and an interval; the server
// picks the price. Prices switch with the period through CSS (group-has), no script needed.

const intervals = [
  { value: "monthly", label: "Monthly", note: null },
  { value: "yearly", label: "Yearly", note: "2 months free" },
] as const;

export function ChoosePlanForm({ defaultPlan }: { defaultPlan: PlanKey | null }) {
  const [state, action] = useActionState(startCheckoutAction, idleFormState);
  const chosenPlan = state.values?.plan ?? defaultPlan ?? PLANS[0]!.key;
  const chosenInterval = state.values?.interval ?? "monthly";
  return (
    <form action={action} className="group/plans space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Billing period</legend>
        <div className="mt-2 inline-flex rounded-full bg-slate-100 p-1 ring-1 ring-slate-200">
          {intervals.map((i) => (
            <label
              key={i.value}
              className="flex cursor-pointer items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold text-slate-600 transition-colors has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500"
            >
              <input id={`interval-${i.value}`} type="radio" name="interval" value={i.value} defaultChecked={chosenInterval === i.value} className="sr-only" />
              {i.label}
              {i.note && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">{i.note}</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Plan</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {PLANS.map((plan) => (
            <label
              key={plan.key}
              className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-4 py-3 ring-1 ring-slate-200 transition-colors hover:bg-slate-50 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-500 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500"
            >
              <span className="flex items-center gap-3">
                <input type="radio" name="plan" value={plan.key} defaultChecked={chosenPlan === plan.key} className="size-4 accent-brand-600" />
                <span className="text-sm font-semibold text-slate-900">
                  Up to {formatPageviews(plan.pageviewsPerMonth)}
                  <span className="sr-only"> pageviews a month</span>
                  {plan.key === defaultPlan && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">Fits your usage</span>}
                </span>
              </span>
              <span className="text-sm whitespace-nowrap text-slate-700">
                <span className="group-has-[#interval-yearly:checked]/plans:hidden">{formatEur(plan.monthlyEur)} / month</span>
                <span className="hidden group-has-[#interval-yearly:checked]/plans:inline">{formatEur(plan.yearlyEur)} / year</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Opening Stripe Checkout…">Choose plan</SubmitButton>
    </form>
  );
}
