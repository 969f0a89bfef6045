import { SettingsSubpageHeader } from "@/components/app/SettingsSubpageHeader";
import { card } from "@/components/ui/styles";

export function BillingUnconfigured() {
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <SettingsSubpageHeader title="Billing" />
      <section aria-labelledby="unconfigured-heading" className={card}>
        <h2 id="unconfigured-heading" className="text-lg font-semibold text-slate-900">Billing is not configured</h2>
        <p className="mt-2 text-sm text-slate-600">
          This MiniStat server has no Stripe keys, so there are no plans or invoices here and every feature stays open — no trial ends and no account is ever locked.
        </p>
      </section>
    </div>
  );
}
