import Link from "next/link";
import { SiteAvatar } from "@/components/dashboard/SiteAvatar";
import type { TimeZoneGroup } from "@/components/sites/time-zone-options";
import { card, link } from "@/components/ui/styles";
import type { Goal } from "@/lib/sites/goals";
import type { SharedLinkSummary } from "@/lib/sites/shared-links";
import type { Site } from "@/lib/sites/sites";
import { DeleteSiteForm } from "./DeleteSiteForm";
import { EmailReportsSettings } from "./EmailReportsSettings";
import { GoalsSettings } from "./GoalsSettings";
import { SharedLinksSettings } from "./SharedLinksSettings";
import { RenameSiteForm } from "./RenameSiteForm";
import { TimezoneForm } from "./TimezoneForm";
import { TrafficAlertSettings } from "./TrafficAlertSettings";

type Props = { site: Site; goals: Goal[]; links: SharedLinkSummary[]; timeZones: TimeZoneGroup[]; appUrl: string };

export function SiteSettingsPage({ site, goals, links, timeZones, appUrl }: Props) {
  const base = `/sites/${encodeURIComponent(site.domain)}`;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-3">
        <Link href={base} className="text-sm font-medium text-slate-500 hover:text-slate-800">
          <span aria-hidden>←</span> Back to the dashboard
        </Link>
        <h1 className="flex items-center gap-3 text-2xl font-bold tracking-tight text-slate-900">
          <SiteAvatar domain={site.domain} />
          <span>
            Settings <span className="font-normal text-slate-400">·</span> {site.domain}
          </span>
        </h1>
      </div>
      <section aria-labelledby="general-heading" className={card}>
        <h2 id="general-heading" className="text-lg font-semibold text-slate-900">General</h2>
        <p className="mt-1 text-sm text-slate-600">
          Changing the time zone recalculates every day of this site&apos;s statistics. Need the script again? <Link href={`${base}/setup`} className={link}>Show the snippet</Link>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Reading this site&apos;s statistics from a script? Stats API keys belong to your account: <Link href="/settings/api-keys" className={link}>Manage API keys</Link>
        </p>
        <div className="mt-5 space-y-6">
          <RenameSiteForm siteId={site.id} domain={site.domain} />
          <TimezoneForm siteId={site.id} timezone={site.timezone} groups={timeZones} />
        </div>
      </section>
      <GoalsSettings siteId={site.id} goals={goals} />
      <SharedLinksSettings siteId={site.id} links={links} appUrl={appUrl} />
      <EmailReportsSettings site={site} />
      <TrafficAlertSettings site={site} />
      <section aria-labelledby="danger-heading" className={`${card} ring-red-200`}>
        <h2 id="danger-heading" className="text-lg font-semibold text-red-800">Delete site</h2>
        <p className="mt-1 text-sm text-slate-600">Deletes {site.domain} with all its statistics, goals, shared links, e-mail reports and alerts — immediately, with no undo.</p>
        <DeleteSiteForm siteId={site.id} domain={site.domain} />
      </section>
    </div>
  );
}
