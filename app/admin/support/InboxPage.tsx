import Link from "next/link";
import { LinkPending } from "@/components/support/LinkPending";
import { ThreadList } from "@/components/support/ThreadList";
import { buttonSecondary, input } from "@/components/ui/styles";
import type { InboxFilter } from "@/lib/support/staff-inbox";
import type { ThreadSummary } from "@/lib/support/types";
import { INBOX_FILTERS, INBOX_PAGE_SIZE, inboxHref } from "./inbox-filters";

const EMPTY: Record<InboxFilter, string> = {
  open: "No open threads: every customer has an answer.",
  waiting: "No thread is waiting for a customer.",
  closed: "No closed threads.",
  all: "No support threads yet.",
};

export function InboxPage({ threads, status, query, deleted }: { threads: ThreadSummary[]; status: InboxFilter; query: string; deleted: boolean }) {
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-1">
        <p className="text-xs font-semibold tracking-wide text-brand-600 uppercase">Staff</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Support inbox</h1>
      </div>
      {deleted && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          The thread and its messages were deleted.
        </p>
      )}
      <nav aria-label="Thread status">
        <ul className="flex flex-wrap gap-1 rounded-xl bg-slate-100 p-1">
          {INBOX_FILTERS.map((filter) => {
            const current = filter.key === status;
            return (
              <li key={filter.key}>
                <Link
                  href={inboxHref(filter.key, query)}
                  aria-current={current ? "page" : undefined}
                  className={`flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium ${current ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"}`}
                >
                  {filter.label}
                  <LinkPending />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form role="search" action="/admin/support" method="get" className="flex flex-wrap gap-2">
        {status !== "open" && <input type="hidden" name="status" value={status} />}
        <label htmlFor="inbox-search" className="sr-only">
          Search threads
        </label>
        <input id="inbox-search" name="q" type="search" defaultValue={query} maxLength={254} placeholder="Address, reference (MS-…) or words" className={`${input} min-w-0 flex-1 basis-56`} />
        <button type="submit" className={buttonSecondary}>
          Search
        </button>
        {query && (
          <Link href={inboxHref(status, "")} className="self-center text-sm font-medium text-slate-600 hover:text-slate-900">
            Clear search
          </Link>
        )}
      </form>
      <section aria-label="Threads" className="space-y-2">
        {threads.length > 0 && (
          <p className="text-sm text-slate-600">
            {threads.length >= INBOX_PAGE_SIZE ? `The ${INBOX_PAGE_SIZE} most recent threads` : `${threads.length} ${threads.length === 1 ? "thread" : "threads"}`}
            {query && <> matching “{query}”</>}
          </p>
        )}
        <ThreadList threads={threads} audience="staff" hrefFor={(thread) => `/admin/support/${thread.id}`} label="Threads" empty={query ? `No thread matches “${query}” here.` : EMPTY[status]} />
      </section>
    </div>
  );
}
