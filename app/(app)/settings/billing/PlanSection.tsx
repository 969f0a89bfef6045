import { summarizePlan, type PlanSummary } from "@/components/billing/plan-summary";
import { card } from "@/components/ui/styles";
import type { BillingStatus } from "@/lib/billing/billing-status";
import { ManageBillingButton } from "./ManageBillingButton";

// The account's plan and where it stands, with "Manage billing" once there is a Stripe customer.

const badgeStyles: Record<PlanSummary["tone"], string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
};

export function PlanSection({ status, hasCustomer, now }: { status: Exclude<BillingStatus, { kind: "unconfigured" }>; hasCustomer: boolean; now: Date }) {
  const summary = summarizePlan(status, now);
  return (
    <section aria-labelledby="plan-heading" className={card}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="plan-heading" className="text-sm font-medium text-slate-500">Your plan</h2>
          <p className="mt-1 text-lg font-semibold text-slate-900" data-testid="plan-title">{summary.title}</p>
        </div>
        <span data-testid="plan-status" className={`rounded-full px-3 py-1 text-xs font-semibold ring-1 ${badgeStyles[summary.tone]}`}>{summary.badge}</span>
      </div>
      <div className="mt-3 space-y-1 text-sm text-slate-600">
        {summary.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {hasCustomer && (
        <div className="mt-5">
          <ManageBillingButton />
          <p className="mt-2 text-xs text-slate-500">On Stripe: card, billing address, VAT number, invoices, plan changes and cancellation.</p>
        </div>
      )}
    </section>
  );
}
