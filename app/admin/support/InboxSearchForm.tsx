"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import type { InboxFilter } from "@/lib/support/staff-inbox";
import { searchInboxAction } from "./actions";
import { inboxHref } from "./inbox-filters";

// The inbox's search box. It posts to a server action (not a GET form): a typed address must
// not end up in the URL. The action answers with a redirect to the inbox's new address.
export function InboxSearchForm({ status, defaultValue, searching }: { status: InboxFilter; defaultValue: string; searching: boolean }) {
  const [state, action] = useActionState(searchInboxAction, idleFormState);
  return (
    <form role="search" action={action} className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <input type="hidden" name="status" value={status} />
        <label htmlFor="inbox-search" className="sr-only">
          Search threads
        </label>
        <input
          id="inbox-search"
          name="q"
          type="search"
          defaultValue={state.values?.q ?? defaultValue}
          maxLength={254}
          placeholder="Address, reference (MS-…) or words"
          aria-invalid={state.fieldErrors?.q ? true : undefined}
          className={`${input} min-w-0 flex-1 basis-56`}
        />
        <SubmitButton pendingLabel="Searching…" className={buttonSecondary}>
          Search
        </SubmitButton>
        {searching && (
          <Link href={inboxHref(status)} className="self-center text-sm font-medium text-slate-600 hover:text-slate-900">
            Clear search
          </Link>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
