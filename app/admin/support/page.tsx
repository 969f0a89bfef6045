import type { Metadata } from "next";
import { requireStaff } from "@/lib/support/require-staff";
import { correspondentOfThread, isAddressQuery, listInboxThreads } from "@/lib/support/staff-inbox";
import { InboxPage, type InboxSearchView } from "./InboxPage";
import { INBOX_FILTERS, INBOX_PAGE_SIZE } from "./inbox-filters";

// GET /admin/support?status=open|waiting|closed|all&q=…|sameAs=<threadId> — the staff inbox:
// threads by status, searched by reference or words of the subject or site (q), or every thread
// of one thread's correspondent (sameAs). An address never appears in the URL: typed ones are
// posted (./actions.ts) and come back as sameAs; an address in q is not searched. Staff only
// (404 otherwise).
export const metadata: Metadata = { title: "Support inbox" };

type Params = { status?: string | string[]; q?: string | string[]; sameAs?: string | string[]; noThreadFromAddress?: string; deleted?: string };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaff();
  const params = await searchParams;
  const status = INBOX_FILTERS.find((f) => f.key === params.status)?.key ?? "open";
  const sameAs = single(params.sameAs).slice(0, 64);
  const query = single(params.q).slice(0, 254);

  let search: InboxSearchView = { kind: "none" };
  if (sameAs) {
    const correspondent = await correspondentOfThread(sameAs);
    search = correspondent ? { kind: "sameAs", threadId: sameAs, ...correspondent } : { kind: "noThreadFromAddress" };
  } else if (params.noThreadFromAddress === "1") {
    search = { kind: "noThreadFromAddress" };
  } else if (query) {
    search = isAddressQuery(query) ? { kind: "addressInUrl" } : { kind: "words", query };
  }

  const threads =
    search.kind === "sameAs"
      ? await listInboxThreads({ status, sameAs: search.threadId, limit: INBOX_PAGE_SIZE })
      : search.kind === "words" || search.kind === "none"
        ? await listInboxThreads({ status, query: search.kind === "words" ? search.query : undefined, limit: INBOX_PAGE_SIZE })
        : [];
  return <InboxPage threads={threads} status={status} search={search} deleted={params.deleted === "1"} />;
}
