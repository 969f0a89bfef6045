import { formatDay } from "@/lib/analytics/format";
import { InlineActionButton } from "@/components/sites/InlineActionButton";
import { card } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/current-user";
import { CONFIRM_DAYS } from "@/lib/reports/confirmation";
import { REPORT_FREQUENCIES, type ReportFrequency } from "@/lib/reports/periods";
import { listReportSubscriptions, type ReportSubscriptionView } from "@/lib/reports/subscriptions";
import type { Site } from "@/lib/sites/sites";
import { AddReportRecipientForm } from "./AddReportRecipientForm";
import { removeReportSubscriptionAction, setOwnReportAction } from "./email-reports-actions";

// Site settings → "E-mail reports": the owner's own weekly and monthly reports (on/off), and
// other recipients, each pending until they confirm by the link we e-mail them.

const REPORT_SCHEDULES: Record<ReportFrequency, { title: string; when: string }> = {
  weekly: { title: "Weekly", when: "Every Monday, for the week before" },
  monthly: { title: "Monthly", when: "On the 1st, for the month before" },
};

const pill = "shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1";
const quietButton = "rounded-md px-2.5 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60";

export async function EmailReportsSettings({ site }: { site: Site }) {
  const user = await requireUser();
  const subscriptions = (await listReportSubscriptions(user, site.id)) ?? [];
  const others = subscriptions.filter((s) => !s.isOwner);
  return (
    <section id="email-reports" aria-labelledby="email-reports-heading" className={`${card} scroll-mt-6`}>
      <h2 id="email-reports-heading" className="text-lg font-semibold text-slate-900">E-mail reports</h2>
      <p className="mt-1 text-sm text-slate-600">
        Visitors, pageviews, bounce rate and visit duration against the period before, with the top sources and pages, counted in the site&apos;s time zone ({site.timezone}). Every report has a one-click unsubscribe link.
      </p>

      <h3 className="mt-6 text-sm font-semibold text-slate-900">Your reports</h3>
      <p className="mt-0.5 text-xs text-slate-500 break-all">Sent to {user.email}</p>
      <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {REPORT_FREQUENCIES.map((frequency) => {
          const on = subscriptions.some((s) => s.isOwner && s.confirmed && s.frequency === frequency);
          const { title, when } = REPORT_SCHEDULES[frequency];
          return (
            <li key={frequency} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2.5" data-testid={`own-report-${frequency}`}>
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">{title}</span>
                <span className="block text-xs text-slate-500">{when}</span>
              </span>
              <span className="flex items-center gap-2">
                <span className={`${pill} ${on ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-50 text-slate-600 ring-slate-200"}`}>{on ? "On" : "Off"}</span>
                <InlineActionButton
                  action={setOwnReportAction}
                  fields={{ siteId: site.id, frequency, on: on ? "false" : "true" }}
                  label={on ? "Turn off" : "Turn on"}
                  pendingLabel="Saving…"
                  accessibleLabel={`${on ? "Stop" : "Start"} the ${frequency} report to your address`}
                  className={on ? undefined : quietButton}
                />
              </span>
            </li>
          );
        })}
      </ul>

      <h3 className="mt-6 text-sm font-semibold text-slate-900">Other recipients</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        We e-mail them a link to confirm; nothing else is sent to them before they do. Addresses not confirmed within {CONFIRM_DAYS} days are removed, with the e-mails we sent them.
      </p>
      {others.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Other recipients">
          {others.map((s) => (
            <RecipientRow key={s.id} subscription={s} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-500">No other recipients.</p>
      )}
      <div className="mt-6 border-t border-slate-100 pt-5">
        <AddReportRecipientForm siteId={site.id} />
      </div>
    </section>
  );
}

function RecipientRow({ subscription: s }: { subscription: ReportSubscriptionView }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2.5" data-testid="report-recipient">
      <span className="min-w-0 flex-1 basis-48">
        <span className="block truncate text-sm font-medium text-slate-900" title={s.email}>{s.email}</span>
        <span className="block text-xs text-slate-500">
          {REPORT_SCHEDULES[s.frequency].title} ·{" "}
          {s.confirmed || !s.expiresAt ? "Confirmed" : `Waiting for confirmation (link valid until ${formatDay(s.expiresAt.toISOString(), { year: true })})`}
        </span>
      </span>
      <span className="flex items-center gap-2">
        <span className={`${pill} ${s.confirmed ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-800 ring-amber-200"}`}>{s.confirmed ? "Confirmed" : "Pending"}</span>
        <InlineActionButton action={removeReportSubscriptionAction} fields={{ subscriptionId: s.id }} label="Remove" pendingLabel="Removing…" accessibleLabel={`Remove ${s.email} from the ${s.frequency} report`} />
      </span>
    </li>
  );
}
