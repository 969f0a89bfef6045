import Link from "next/link";
import { ComposerSection } from "@/components/support/MessageComposer";
import { StatusBadge } from "@/components/support/StatusBadge";
import { ThreadMessages } from "@/components/support/ThreadMessages";
import type { ThreadDetail } from "@/lib/support/types";
import { replyToThreadAction } from "./actions";

export function CustomerThreadPage({ thread }: { thread: ThreadDetail }) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-3">
        <Link href="/support" className="text-sm font-medium text-slate-600 hover:text-slate-900">
          <span aria-hidden>←</span> Help
        </Link>
        <div className="flex items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900">{thread.subject}</h1>
          <StatusBadge status={thread.status} audience="customer" testId="thread-status" />
        </div>
        <p className="text-sm text-slate-600">
          Reference <span className="font-mono text-slate-800">{thread.reference}</span>
          {thread.site && (
            <>
              {" · "}
              <span className="[overflow-wrap:anywhere]">{thread.site}</span>
            </>
          )}
        </p>
      </div>
      <section aria-label="Conversation">
        <ThreadMessages messages={thread.messages} audience="customer" />
      </section>
      <ComposerSection
        id="reply-heading"
        heading="Reply"
        action={replyToThreadAction}
        threadId={thread.id}
        field="message"
        label="Your reply"
        hint={thread.status === "closed" ? "This conversation is closed; replying opens it again." : "You can also answer our e-mails: replies land here."}
        submitLabel="Send reply"
        pendingLabel="Sending…"
      />
    </div>
  );
}
