import { Suspense } from "react";
import { SettingsSubpageHeader } from "@/components/app/SettingsSubpageHeader";
import { card } from "@/components/ui/styles";
import type { BillingOverview } from "@/lib/billing/billing-overview";
import { ChoosePlanForm } from "./ChoosePlanForm";
import { InvoicesSection } from "./InvoicesSection";
import { PlanSection } from "./PlanSection";
import { UsageSection } from "./UsageSection";

export type CheckoutNotice = { tone: "ok" | "info" | "error"; message: string };

const noticeStyles: Record<CheckoutNotice["tone"], string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  info: "bg-slate-100 text-slate-800 ring-slate-200",
  error: "bg-red-50 text-red-800 ring-red-200",
};

export function BillingPage({ overview, userId, notice, contactEmail, now }: { overview: BillingOverview; userId: string; notice: CheckoutNotice | null; contactEmail: string; now: Date }) {
  const { status, usage, hasCustomer } = overview;
  if (status.kind === "unconfigured") return null; // the page shows BillingUnconfigured instead
  const canSubscribe = status.kind !== "subscribed";
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <SettingsSubpageHeader title="Billing" />
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`rounded-lg px-3 py-2 text-sm ring-1 ${noticeStyles[notice.tone]}`}>
          {notice.message}
        </p>
      )}
      <PlanSection status={status} hasCustomer={hasCustomer} now={now} />
      <UsageSection usage={usage} contactEmail={contactEmail} />
      {canSubscribe && (
        <section aria-labelledby="choose-heading" className={card}>
          <h2 id="choose-heading" className="text-lg font-semibold text-slate-900">Choose a plan</h2>
          <p className="mt-2 text-sm text-slate-600">
            Plans go by monthly pageviews across all your sites. You pay on Stripe&apos;s page; {status.kind === "trial" ? "what is left of your free trial carries over, and " : ""}you can change or cancel at any time.
          </p>
          <div className="mt-5">
            <ChoosePlanForm defaultPlan={usage.fits?.key ?? null} />
          </div>
        </section>
      )}
      <section aria-labelledby="invoices-heading" className={card}>
        <h2 id="invoices-heading" className="text-lg font-semibold text-slate-900">Invoices</h2>
        <Suspense fallback={<p className="mt-3 text-sm text-slate-500">Loading invoices from Stripe…</p>}>
          <InvoicesSection userId={userId} />
        </Suspense>
      </section>
    </div>
  );
}
