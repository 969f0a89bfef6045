import Link from "next/link";
import { LinkPending } from "@/components/support/LinkPending";
import { ThreadList } from "@/components/support/ThreadList";
import type { InboxFilter } from "@/lib/support/staff-inbox";
import type { ThreadSummary } from "@/lib/support/types";
import { INBOX_FILTERS, INBOX_PAGE_SIZE, inboxHref, type InboxSearch } from "./inbox-filters";
import { InboxSearchForm } from "./InboxSearchForm";

const EMPTY: Record<InboxFilter, string> = {
  open: "No open threads: every customer has an answer.",
  waiting: "No thread is waiting for a customer.",
  closed: "No closed threads.",
  all: "No support threads yet.",
};

/** What the list shows besides the tab (the address of a "sameAs" list is decrypted on the server, never taken from the URL). */
export type InboxSearchView =
  | { kind: "none" }
  | { kind: "words"; query: string }
  | { kind: "sameAs"; threadId: string; email: string; hasAccount: boolean }
  | { kind: "noThreadFromAddress" }
  | { kind: "addressInUrl" };

function searchOf(view: InboxSearchView): InboxSearch {
  if (view.kind === "words") return { q: view.query };
  if (view.kind === "sameAs") return { sameAs: view.threadId };
  if (view.kind === "noThreadFromAddress") return { noThreadFromAddress: true };
  return {};
}

function count(threads: ThreadSummary[]): string {
  if (threads.length >= INBOX_PAGE_SIZE) return `The ${INBOX_PAGE_SIZE} most recent threads`;
  return `${threads.length} ${threads.length === 1 ? "thread" : "threads"}`;
}

function emptyText(view: InboxSearchView, status: InboxFilter): string {
  switch (view.kind) {
    case "words":
      return `No thread matches “${view.query}” here.`;
    case "sameAs":
      return `No thread from ${view.email} here.`;
    case "noThreadFromAddress":
      return "No thread comes from that address.";
    case "addressInUrl":
      return "To find an address's threads, type it into the search box: addresses are kept out of page addresses (URLs).";
    default:
      return EMPTY[status];
  }
}

export function InboxPage({ threads, status, search, deleted }: { threads: ThreadSummary[]; status: InboxFilter; search: InboxSearchView; deleted: boolean }) {
  const tabSearch = searchOf(search);
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
                  href={inboxHref(filter.key, tabSearch)}
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
      <InboxSearchForm
        key={JSON.stringify(search)}
        status={status}
        defaultValue={search.kind === "words" ? search.query : search.kind === "sameAs" ? search.email : ""}
        searching={search.kind !== "none"}
      />
      <section aria-label="Threads" className="space-y-2">
        {threads.length > 0 && (
          <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
            {count(threads)}
            {search.kind === "words" && <> matching “{search.query}”</>}
            {search.kind === "sameAs" && (
              <>
                {" "}
                from {search.email}
                {search.hasAccount && " and its account"}
              </>
            )}
          </p>
        )}
        <ThreadList threads={threads} audience="staff" hrefFor={(thread) => `/admin/support/${thread.id}`} label="Threads" empty={emptyText(search, status)} />
      </section>
    </div>
  );
}
