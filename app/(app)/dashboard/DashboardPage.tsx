import Link from "next/link";
import { SiteCard } from "@/components/sites/SiteCard";
import { buttonPrimary } from "@/components/ui/styles";
import type { Site } from "@/lib/sites/sites";
import { NoSitesYet } from "./NoSitesYet";

export function DashboardPage({ sites, locked }: { sites: Site[]; locked: boolean }) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your sites</h1>
          {sites.length > 0 && <p className="mt-1 text-sm text-slate-600">Visitors over the last 30 days.</p>}
        </div>
        {sites.length > 0 && (
          <Link href="/sites/new" className={buttonPrimary}>
            <span aria-hidden className="text-lg leading-none">+</span> Add a site
          </Link>
        )}
      </div>
      {sites.length === 0 ? (
        <NoSitesYet />
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {sites.map((site) => (
            <SiteCard key={site.id} site={site} locked={locked} />
          ))}
        </ul>
      )}
    </div>
  );
}
