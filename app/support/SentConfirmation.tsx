"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { buttonSecondary, link } from "@/components/ui/styles";

// After a message went out: its reference and where the copy went. Announced (role=status), and
// focus moves to it: the button that had it is gone.
export function SentConfirmation({ reference, email, signedIn, onAnother }: { reference: string; email: string; signedIn: boolean; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="status" className="space-y-3" data-testid="support-sent">
      <div aria-hidden className="flex size-12 items-center justify-center rounded-full bg-emerald-50 text-2xl text-emerald-700">
        ✓
      </div>
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        Message sent
      </h2>
      <p className="text-sm leading-6 text-slate-700">
        Your reference is{" "}
        <strong className="font-mono font-semibold text-slate-900" data-testid="support-reference">
          {reference}
        </strong>
        . We&apos;ve e-mailed you a copy at <strong className="font-medium [overflow-wrap:anywhere] text-slate-900">{email}</strong>; reply to that e-mail to add
        to this conversation.
      </p>
      <p className="text-sm leading-6 text-slate-600">
        {signedIn ? (
          "It is listed under “Your conversations” below."
        ) : (
          <>
            Have a MiniStat account with this address?{" "}
            <Link href="/login" className={link}>
              Sign in
            </Link>{" "}
            to follow the conversation here.
          </>
        )}
      </p>
      <button type="button" onClick={onAnother} className={buttonSecondary}>
        Write another message
      </button>
    </div>
  );
}
