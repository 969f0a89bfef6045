import Link from "next/link";
import { card, link } from "@/components/ui/styles";
import { MAX_ALERT_THRESHOLD } from "@/lib/alerts/schemas";
import { getTrafficAlert } from "@/lib/alerts/traffic-alerts";
import { isSiteLocked } from "@/lib/billing/account-access";
import type { Site } from "@/lib/sites/sites";
import { TrafficAlertForm } from "./TrafficAlertForm";

// "Traffic alerts" on the site settings page (the page has checked the owner): off by default;
// on, an e-mail when current visitors exceed the threshold (lib/alerts/check-traffic-alerts.ts).

function formatSentAt(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

export async function TrafficAlertSettings({ site }: { site: Site }) {
  const [alert, locked] = await Promise.all([getTrafficAlert(site.id), isSiteLocked(site.id)]);
  return (
    <section id="traffic-alerts" aria-labelledby="alerts-heading" className={`${card} scroll-mt-6`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="alerts-heading" className="text-lg font-semibold text-slate-900">Traffic alerts</h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${alert ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-50 text-slate-600 ring-slate-200"}`}>
          {alert ? "On" : "Off"}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        An e-mail to your account&apos;s address when more people than usual are on {site.domain} at once — to notice a launch or a mention while it happens.
      </p>
      {alert && (
        <p className="mt-3 text-sm text-slate-700" data-testid="traffic-alert-last-sent">
          {alert.lastSentAt ? (
            <>
              Last alert sent <time dateTime={alert.lastSentAt.toISOString()}>{formatSentAt(alert.lastSentAt, site.timezone)}</time>.
            </>
          ) : (
            "No alert sent yet."
          )}
        </p>
      )}
      {alert && locked && (
        <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Paused: this account has no active plan, so no alert is sent. <Link href="/settings/billing" className={link}>Choose a plan</Link> and alerts resume.
        </p>
      )}
      <div className="mt-5 border-t border-slate-100 pt-5">
        <TrafficAlertForm siteId={site.id} threshold={alert?.threshold ?? null} max={MAX_ALERT_THRESHOLD} />
      </div>
    </section>
  );
}
