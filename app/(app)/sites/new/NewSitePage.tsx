import Link from "next/link";
import type { TimeZoneGroup } from "@/components/sites/time-zone-options";
import { card } from "@/components/ui/styles";
import { NewSiteForm } from "./NewSiteForm";

export function NewSitePage({ timeZones }: { timeZones: TimeZoneGroup[] }) {
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <Link href="/dashboard" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        <span aria-hidden>←</span> Your sites
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Add a site</h1>
        <p className="mt-1 text-sm text-slate-600">Step 1 of 2 — then you get the script tag to paste into your pages.</p>
      </div>
      <section className={card} aria-label="Site details">
        <NewSiteForm timeZones={timeZones} />
      </section>
    </div>
  );
}
