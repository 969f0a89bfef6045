import type { InboxFilter } from "@/lib/support/staff-inbox";

// The inbox's tabs, in order; the first is the default.
export const INBOX_FILTERS: readonly { key: InboxFilter; label: string }[] = [
  { key: "open", label: "Open" },
  { key: "waiting", label: "Waiting for customer" },
  { key: "closed", label: "Closed" },
  { key: "all", label: "All" },
];

/** The inbox's address for a tab and search (the default tab and an empty search stay out of it). */
export function inboxHref(status: InboxFilter, query: string): string {
  const params = new URLSearchParams();
  if (status !== "open") params.set("status", status);
  if (query) params.set("q", query);
  const search = params.toString();
  return search ? `/admin/support?${search}` : "/admin/support";
}

/** The most threads one list shows (the most recent). */
export const INBOX_PAGE_SIZE = 100;
