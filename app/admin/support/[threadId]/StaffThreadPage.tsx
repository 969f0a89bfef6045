import Link from "next/link";
import { InlineActionButton } from "@/components/sites/InlineActionButton";
import { formatWhen } from "@/components/support/format";
import { ComposerSection } from "@/components/support/MessageComposer";
import { StatusBadge } from "@/components/support/StatusBadge";
import { ThreadList } from "@/components/support/ThreadList";
import { ThreadMessages } from "@/components/support/ThreadMessages";
import { buttonSecondary, link } from "@/components/ui/styles";
import type { InboxThread } from "@/lib/support/staff-inbox";
import type { ThreadDetail, ThreadSummary } from "@/lib/support/types";
import { inboxHref } from "../inbox-filters";
import { closeThreadAction, reopenThreadAction, staffNoteAction, staffReplyAction } from "./actions";
import { DeleteThreadButton } from "./DeleteThreadButton";

// One thread for staff. Links to the correspondent's other threads carry the thread's id, never
// the address (URLs end up in history and logs). Replies to an account's thread go to the
// account's current address, which may not be the one the thread came from: the page says which.

const WHOSE: Record<InboxThread["replyGoesTo"]["whose"], string> = {
  thread: "· the address this thread came from",
  account: "· the account's address",
  "account-changed": "· the account's current address, not the one this thread came from",
};

type Props = { thread: ThreadDetail; sameAddress: ThreadSummary[]; replyGoesTo: InboxThread["replyGoesTo"] };

export function StaffThreadPage({ thread, sameAddress, replyGoesTo }: Props) {
  const closed = thread.status === "closed";
  const movedAccount = replyGoesTo.whose === "account-changed";
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="space-y-3">
        <Link href="/admin/support" className="text-sm font-medium text-slate-600 hover:text-slate-900">
          <span aria-hidden>←</span> Support inbox
        </Link>
        <div className="flex items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900">{thread.subject}</h1>
          <StatusBadge status={thread.status} audience="staff" testId="thread-status" />
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">From</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">
            <Link href={inboxHref("all", { sameAs: thread.id })} className={link} title="Every thread from this address">
              {thread.email}
            </Link>{" "}
            <span className="text-slate-600">{thread.hasAccount ? "· has an account" : "· no account"}</span>
          </dd>
          <dt className="text-slate-600">Replies go to</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid="reply-goes-to">
            {replyGoesTo.email}{" "}
            <span className="text-slate-600">
              {WHOSE[replyGoesTo.whose]}
            </span>
          </dd>
          <dt className="text-slate-600">Reference</dt>
          <dd className="font-mono">{thread.reference}</dd>
          {thread.site && (
            <>
              <dt className="text-slate-600">Site</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]">{thread.site}</dd>
            </>
          )}
          <dt className="text-slate-600">Opened</dt>
          <dd>
            <time dateTime={thread.createdAt.toISOString()}>{formatWhen(thread.createdAt)}</time>
          </dd>
        </dl>
        <div className="flex flex-wrap items-start gap-2">
          <InlineActionButton
            action={closed ? reopenThreadAction : closeThreadAction}
            fields={{ threadId: thread.id }}
            label={closed ? "Reopen" : "Close"}
            pendingLabel={closed ? "Reopening…" : "Closing…"}
            className={buttonSecondary}
          />
          {!thread.hasAccount && <DeleteThreadButton threadId={thread.id} />}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section aria-label="Messages">
            <ThreadMessages messages={thread.messages} audience="staff" />
          </section>
          <ComposerSection
            id="reply-heading"
            heading="Reply"
            action={staffReplyAction}
            threadId={thread.id}
            field="message"
            label="Reply to the customer"
            hint={`Sent by e-mail to ${replyGoesTo.email}${movedAccount ? " (the account's current address)" : ""}; their answer comes back to this thread.`}
            submitLabel="Send reply"
            pendingLabel="Sending…"
          />
          <ComposerSection
            id="note-heading"
            heading="Internal note"
            className="rounded-xl bg-amber-50 p-6 shadow-sm ring-1 ring-amber-200"
            action={staffNoteAction}
            threadId={thread.id}
            field="note"
            label="Note for staff"
            hint="Only staff see notes. Nothing is sent to the customer."
            submitLabel="Add note"
            pendingLabel="Adding…"
            buttonClassName={buttonSecondary}
          />
        </div>
        <section aria-labelledby="earlier-heading" className="min-w-0 space-y-3">
          <h2 id="earlier-heading" className="text-lg font-semibold text-slate-900">
            Earlier conversations from this address
          </h2>
          <ThreadList
            threads={sameAddress}
            audience="staff"
            hrefFor={(other) => `/admin/support/${other.id}`}
            label="Earlier conversations from this address"
            empty="None: this is the first conversation from this address."
          />
        </section>
      </div>
    </div>
  );
}
