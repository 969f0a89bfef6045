import Link from "next/link";
import { card } from "@/components/ui/styles";

export function BillingUnconfigured() {
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-3">
        <Link href="/settings" className="text-sm font-medium text-slate-500 hover:text-slate-800">
          <span aria-hidden>←</span> Settings
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Billing</h1>
      </div>
      <section aria-labelledby="unconfigured-heading" className={card}>
        <h2 id="unconfigured-heading" className="text-lg font-semibold text-slate-900">Billing is not configured</h2>
        <p className="mt-2 text-sm text-slate-600">
          This MiniStat server has no Stripe keys, so there are no plans or invoices here and every feature stays open — no trial ends and no account is ever locked.
        </p>
      </section>
    </div>
  );
}
