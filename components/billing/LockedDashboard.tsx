import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";
import { formatBillingDate } from "@/lib/billing/format";

// In place of a locked account's dashboard: what happened, that nothing is lost, what to do.
export function LockedDashboard({ domain, lockedAt }: { domain: string; lockedAt: Date }) {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold text-brand-600">Subscription required</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">The dashboard of {domain} is locked</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your account has had no plan since {formatBillingDate(lockedAt)}. {domain} is still being recorded: choose a plan and every statistic is back at once.
      </p>
      <Link href="/settings/billing" className={`${buttonPrimary} mt-6`}>Choose a plan</Link>
    </div>
  );
}
