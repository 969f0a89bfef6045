import Link from "next/link";
import { card, link } from "@/components/ui/styles";
import { ChangeEmailForm } from "./ChangeEmailForm";
import { DeleteAccountForm } from "./DeleteAccountForm";
import { SessionButtons } from "./SessionButtons";

export function SettingsPage({ email, emailChanged }: { email: string; emailChanged: boolean }) {
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
      {emailChanged && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          Your e-mail address was changed.
        </p>
      )}
      <section aria-labelledby="account-heading" className={card}>
        <h2 id="account-heading" className="text-lg font-semibold text-slate-900">Account</h2>
        <p className="mt-2 text-sm text-slate-600">
          Signed in as <strong className="font-medium text-slate-900" data-testid="account-email">{email}</strong>
        </p>
        <div className="mt-6">
          <ChangeEmailForm />
        </div>
      </section>
      <section aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">Sessions</h2>
        <p className="mt-2 text-sm text-slate-600">
          One cookie keeps you signed in for 30 days, renewed while you use MiniStat. Lost a device? Sign out of all devices.
        </p>
        <SessionButtons />
      </section>
      <section aria-labelledby="billing-heading" className={card}>
        <h2 id="billing-heading" className="text-lg font-semibold text-slate-900">Billing</h2>
        <p className="mt-2 text-sm text-slate-600">
          Your plan, this month&apos;s pageviews and your invoices. <Link href="/settings/billing" className={link}>Plan and billing</Link>
        </p>
      </section>
      <section aria-labelledby="api-heading" className={card}>
        <h2 id="api-heading" className="text-lg font-semibold text-slate-900">Stats API</h2>
        <p className="mt-2 text-sm text-slate-600">
          Read your statistics from scripts and reports with an API key. <Link href="/settings/api-keys" className={link}>Manage API keys</Link>
        </p>
      </section>
      <section aria-labelledby="danger-heading" className={`${card} ring-red-200`}>
        <h2 id="danger-heading" className="text-lg font-semibold text-red-800">Delete account</h2>
        <p className="mt-2 text-sm text-slate-600">
          Deletes your account and everything in it — sites, statistics, e-mails, sessions — immediately and permanently. There is no undo.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
