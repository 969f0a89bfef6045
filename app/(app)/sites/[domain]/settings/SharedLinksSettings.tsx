import { formatDay } from "@/lib/analytics/format";
import { CopyButton } from "@/components/sites/CopyButton";
import { InlineActionButton } from "@/components/sites/InlineActionButton";
import { card } from "@/components/ui/styles";
import type { SharedLinkSummary } from "@/lib/sites/shared-links";
import { deleteSharedLinkAction } from "./actions";
import { CreateSharedLinkForm } from "./CreateSharedLinkForm";


export function SharedLinksSettings({ siteId, links, appUrl }: { siteId: string; links: SharedLinkSummary[]; appUrl: string }) {
  return (
    <section id="shared-links" aria-labelledby="shared-heading" className={`${card} scroll-mt-6`}>
      <h2 id="shared-heading" className="text-lg font-semibold text-slate-900">Shared links</h2>
      <p className="mt-1 text-sm text-slate-600">A read-only view of this dashboard for anyone with the link — no account needed. Delete a link to revoke it.</p>
      {links.length > 0 ? (
        <ul className="mt-4 space-y-2">
          {links.map((link) => {
            const url = `${appUrl}/share/${link.slug}`;
            return (
              <li key={link.id} className="flex flex-wrap items-center gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${link.hasPassword ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-slate-50 text-slate-600 ring-slate-200"}`}>
                  {link.hasPassword ? "Password" : "Open"}
                </span>
                <a href={url} target="_blank" rel="noreferrer" title={url} className="min-w-0 flex-1 basis-48 truncate font-mono text-xs text-slate-700 hover:text-brand-700 hover:underline" data-testid="shared-link-url">
                  {url}
                </a>
                <span className="text-xs text-slate-500">{formatDay(link.createdAt.toISOString(), { year: true })}</span>
                <CopyButton text={url} label="Copy link" variant="light" />
                <InlineActionButton action={deleteSharedLinkAction} fields={{ linkId: link.id }} label="Delete" pendingLabel="Deleting…" accessibleLabel="Delete this shared link" />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-500">No shared links.</p>
      )}
      <div className="mt-6 border-t border-slate-100 pt-5">
        <CreateSharedLinkForm siteId={siteId} />
      </div>
    </section>
  );
}
