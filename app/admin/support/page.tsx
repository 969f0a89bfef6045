import type { Metadata } from "next";
import { listInboxThreads } from "@/lib/support/staff-inbox";
import { requireStaff } from "@/lib/support/require-staff";
import { InboxPage } from "./InboxPage";
import { INBOX_FILTERS, INBOX_PAGE_SIZE } from "./inbox-filters";

// GET /admin/support?status=open|waiting|closed|all&q=… — the staff inbox: threads by status,
// searched by address, reference or words of the subject or site. Staff only (404 otherwise).
export const metadata: Metadata = { title: "Support inbox" };

export default async function Page({ searchParams }: { searchParams: Promise<{ status?: string | string[]; q?: string | string[]; deleted?: string }> }) {
  await requireStaff();
  const params = await searchParams;
  const status = INBOX_FILTERS.find((f) => f.key === params.status)?.key ?? "open";
  const query = (typeof params.q === "string" ? params.q : "").trim().slice(0, 254);
  const threads = await listInboxThreads({ status, query: query || undefined, limit: INBOX_PAGE_SIZE });
  return <InboxPage threads={threads} status={status} query={query} deleted={params.deleted === "1"} />;
}
