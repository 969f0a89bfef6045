import Link from "next/link";
import type { ReactNode } from "react";
import type { ThreadSummary } from "@/lib/support/types";
import { formatWhen } from "./format";
import { LinkPending } from "./LinkPending";
import { StatusBadge, type Audience } from "./StatusBadge";

// Threads as a list of links, newest activity first (the order the domain returns). Staff see
// who wrote; a customer sees only their own threads, so the address would say nothing.

type Props = {
  threads: ThreadSummary[];
  audience: Audience;
  hrefFor: (thread: ThreadSummary) => string;
  empty: ReactNode;
  label: string;
};

export function ThreadList({ threads, audience, hrefFor, empty, label }: Props) {
  if (threads.length === 0) {
    return <div className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{empty}</div>;
  }
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200" aria-label={label}>
      {threads.map((thread) => (
        <li key={thread.id} data-testid="thread-row">
          <Link href={hrefFor(thread)} className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50">
            <div className="flex items-start justify-between gap-3">
              <span className="min-w-0 font-medium [overflow-wrap:anywhere] text-slate-900">{thread.subject}</span>
              <span className="flex shrink-0 items-center gap-2 text-slate-500">
                <LinkPending />
                <StatusBadge status={thread.status} audience={audience} />
              </span>
            </div>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
              {audience === "staff" && <span className="min-w-0 [overflow-wrap:anywhere]">{thread.email}</span>}
              <span className="font-mono">{thread.reference}</span>
              {thread.site && <span className="min-w-0 [overflow-wrap:anywhere]">{thread.site}</span>}
              <span>
                {thread.messageCount} {thread.messageCount === 1 ? "message" : "messages"} · last <time dateTime={thread.lastMessageAt.toISOString()}>{formatWhen(thread.lastMessageAt)}</time>
              </span>
              {audience === "staff" && !thread.hasAccount && <span className="text-slate-700">no account</span>}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
