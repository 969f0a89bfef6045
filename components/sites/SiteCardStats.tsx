import Link from "next/link";
import { formatCount } from "@/lib/analytics/format";
import { Sparkline } from "@/components/dashboard/Sparkline";
import { buildStatsQuery, getRealtimeVisitors, getTimeseries, hasAnyEvent } from "@/components/dashboard/stats-source";
import type { Site } from "@/lib/sites/sites";

// The last 30 days of one site: visitors, a sparkline, and who is on it right now.
export async function SiteCardStats({ site }: { site: Site }) {
  const query = buildStatsQuery(site, { period: "30d", filters: {} });
  const [points, current, everReceived] = await Promise.all([getTimeseries(query), getRealtimeVisitors(site.id), hasAnyEvent(site.id)]);
  if (!everReceived) {
    return (
      <div className="relative z-10 mt-4 flex h-[5.5rem] flex-col justify-center rounded-lg bg-amber-50 px-4 text-sm ring-1 ring-amber-200">
        <p className="flex items-center gap-2 font-medium text-amber-900">
          <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500" />
          Waiting for the first pageview
        </p>
        <Link href={`/sites/${encodeURIComponent(site.domain)}/setup`} className="mt-1 font-medium text-amber-800 underline underline-offset-2 hover:text-amber-950">
          Add the snippet to your site
        </Link>
      </div>
    );
  }
  const total = points.reduce((sum, p) => sum + p.visitors, 0);
  return (
    <div className="mt-4">
      <div className="flex items-end justify-between gap-3">
        <p>
          <span className="text-2xl font-bold tabular-nums tracking-tight text-slate-900">{formatCount(total)}</span>{" "}
          <span className="text-sm text-slate-500">visitors · 30 days</span>
        </p>
        <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
          <span aria-hidden className={`size-2 rounded-full ${current > 0 ? "bg-emerald-500" : "bg-slate-300"}`} />
          {current} current
        </p>
      </div>
      <Sparkline id={`spark-${site.id}`} values={points.map((p) => p.visitors)} className="mt-2 h-12 w-full" />
    </div>
  );
}

export function SiteCardStatsSkeleton() {
  return (
    <div aria-hidden className="mt-4 space-y-2">
      <div className="h-7 w-32 animate-pulse rounded bg-slate-200/70" />
      <div className="h-12 w-full animate-pulse rounded bg-slate-100" />
    </div>
  );
}
