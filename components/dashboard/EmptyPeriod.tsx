import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

// Shown instead of the graph when the period has no visitors. A site that has never received
// an event gets a pointer to its snippet (the owner only).
export function EmptyPeriod({ neverReceived, setupHref }: { neverReceived: boolean; setupHref: string | null }) {
  return (
    <div className="flex h-[260px] flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-slate-200 bg-slate-50/60 px-6 text-center">
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} className="size-10 text-slate-300">
        <path strokeLinecap="round" strokeLinejoin="round" d="M3 3v18h18M7 15l4-4 3 3 5-6" />
      </svg>
      {neverReceived ? (
        <>
          <p className="text-base font-semibold text-slate-900">No visitors yet</p>
          <p className="max-w-md text-sm text-slate-600">This site has not received a pageview. Add the script to your pages and visits appear here within seconds.</p>
          {setupHref && (
            <Link href={setupHref} className={buttonPrimary}>
              Add the snippet to your site
            </Link>
          )}
        </>
      ) : (
        <>
          <p className="text-base font-semibold text-slate-900">No visitors in this period</p>
          <p className="max-w-md text-sm text-slate-600">Try a longer period, or remove a filter.</p>
        </>
      )}
    </div>
  );
}
