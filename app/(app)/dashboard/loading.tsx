import { SiteCardStatsSkeleton } from "@/components/sites/SiteCardStats";

export default function Loading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading your sites">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your sites</h1>
      <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <li key={i} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <div className="h-8 w-40 animate-pulse rounded bg-slate-200/70" />
            <SiteCardStatsSkeleton />
          </li>
        ))}
      </ul>
    </div>
  );
}
