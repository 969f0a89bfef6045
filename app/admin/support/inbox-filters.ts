import type { InboxFilter } from "@/lib/support/staff-inbox";

// The inbox's tabs, in order; the first is the default.
export const INBOX_FILTERS: readonly { key: InboxFilter; label: string }[] = [
  { key: "open", label: "Open" },
  { key: "waiting", label: "Waiting for customer" },
  { key: "closed", label: "Closed" },
  { key: "all", label: "All" },
];

/**
 * What the inbox lists besides a tab: words or a reference (`q`), or every thread of one
 * thread's correspondent (`sameAs`, a thread id). Never an address: those stay out of URLs.
 */
export type InboxSearch = { q?: string; sameAs?: string; noThreadFromAddress?: boolean };

/** The inbox's address for a tab and search (the default tab and an empty search stay out of it). */
export function inboxHref(status: InboxFilter, search: InboxSearch = {}): string {
  const params = new URLSearchParams();
  if (status !== "open") params.set("status", status);
  if (search.sameAs) params.set("sameAs", search.sameAs);
  else if (search.noThreadFromAddress) params.set("noThreadFromAddress", "1");
  else if (search.q) params.set("q", search.q);
  const query = params.toString();
  return query ? `/admin/support?${query}` : "/admin/support";
}

/** The most threads one list shows (the most recent). */
export const INBOX_PAGE_SIZE = 100;
