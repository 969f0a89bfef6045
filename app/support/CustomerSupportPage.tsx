import Link from "next/link";
import { ThreadList } from "@/components/support/ThreadList";
import { card, link } from "@/components/ui/styles";
import type { ThreadSummary } from "@/lib/support/types";
import { SupportForm, type SupportAccount } from "./SupportForm";

// Help for a signed-in customer: write to support, and every conversation of theirs.
export function CustomerSupportPage({ account, threads, staff }: { account: SupportAccount; threads: ThreadSummary[]; staff: boolean }) {
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Help</h1>
        <p className="text-sm text-slate-600">Ask about your account, your sites or your statistics. A person answers, by e-mail and here.</p>
        {staff && (
          <p className="text-sm text-slate-600">
            Staff: <Link href="/admin/support" className={link}>open the support inbox</Link>.
          </p>
        )}
      </div>
      <section aria-labelledby="write-heading" className={card}>
        <h2 id="write-heading" className="mb-5 text-lg font-semibold text-slate-900">
          Write to us
        </h2>
        <SupportForm account={account} recaptchaSiteKey={null} />
      </section>
      <section aria-labelledby="conversations-heading" className="space-y-3">
        <h2 id="conversations-heading" className="text-lg font-semibold text-slate-900">
          Your conversations
        </h2>
        <ThreadList
          threads={threads}
          audience="customer"
          hrefFor={(thread) => `/support/${thread.id}`}
          label="Your conversations"
          empty="No conversations yet. What you send us, and our answers, will be listed here."
        />
      </section>
    </div>
  );
}
