import Link from "next/link";
import { Suspense } from "react";
import { GearIcon } from "@/components/dashboard/icons";
import { SiteAvatar } from "@/components/dashboard/SiteAvatar";
import type { Site } from "@/lib/sites/sites";
import { SiteCardStats, SiteCardStatsSkeleton } from "./SiteCardStats";

// One site in the "Your sites" grid: the whole card opens the dashboard. A locked account's
// cards show no statistics, only that they come back with a plan.
export function SiteCard({ site, locked = false }: { site: Site; locked?: boolean }) {
  const base = `/sites/${encodeURIComponent(site.domain)}`;
  return (
    <li className="group relative flex min-w-0 flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-slate-300 focus-within:ring-2 focus-within:ring-brand-500">
      <div className="flex items-center justify-between gap-3">
        <h2 className="flex min-w-0 items-center gap-3">
          <SiteAvatar domain={site.domain} />
          <Link href={base} title={site.domain} className="truncate text-base font-semibold text-slate-900 outline-none after:absolute after:inset-0 after:rounded-xl">
            {site.domain}
          </Link>
        </h2>
        <Link
          href={`${base}/settings`}
          aria-label={`Settings for ${site.domain}`}
          className="relative z-10 rounded-md p-1.5 text-slate-400 opacity-70 transition hover:bg-slate-100 hover:text-slate-700 group-hover:opacity-100"
        >
          <GearIcon />
        </Link>
      </div>
      {locked ? (
        <p className="mt-4 flex h-[5.5rem] items-center rounded-lg bg-slate-50 px-4 text-sm text-slate-600 ring-1 ring-slate-200">
          Statistics are locked until you choose a plan; the site is still being recorded.
        </p>
      ) : (
        <Suspense fallback={<SiteCardStatsSkeleton />}>
          <SiteCardStats site={site} />
        </Suspense>
      )}
    </li>
  );
}
