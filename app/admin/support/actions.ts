"use server";

import { redirect } from "next/navigation";
import { staffAction } from "@/lib/support/require-staff";
import { inboxSearchSchema } from "@/lib/support/schemas";
import { resolveInboxSearch } from "@/lib/support/staff-inbox";
import { INBOX_FILTERS, inboxHref } from "./inbox-filters";

// POST /admin/support — the inbox's search box. Posted rather than a GET form so that a typed
// address never becomes part of a URL (history, proxy logs): it is looked up here, through its
// blind index, and the inbox opens on "every thread of that correspondent" by a thread id.
// References and words stay in ?q=. Staff only (404 for anyone else, before reading the input).
export const searchInboxAction = staffAction(inboxSearchSchema, async (input) => {
  const status = INBOX_FILTERS.find((f) => f.key === input.status)?.key ?? "open";
  if (!input.q) redirect(inboxHref(status));
  const target = await resolveInboxSearch(input.q);
  if ("sameAs" in target) redirect(inboxHref(status, { sameAs: target.sameAs }));
  if ("noThreadFromAddress" in target) redirect(inboxHref(status, { noThreadFromAddress: true }));
  redirect(inboxHref(status, { q: target.query }));
});
