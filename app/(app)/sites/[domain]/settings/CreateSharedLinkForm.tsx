"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { createSharedLinkAction } from "./actions";

export function CreateSharedLinkForm({ siteId }: { siteId: string }) {
  const [state, action] = useActionState(createSharedLinkAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="siteId" value={siteId} />
      <div className="space-y-1.5">
        <label htmlFor="share-password" className={label}>
          Password <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <div className="flex gap-2">
          <input id="share-password" name="password" type="password" autoComplete="new-password" maxLength={200} placeholder="Leave empty for an open link" aria-invalid={state.fieldErrors?.password ? true : undefined} aria-describedby="share-password-hint" className={input} />
          <SubmitButton pendingLabel="Creating…" className={`${buttonSecondary} shrink-0`}>Create link</SubmitButton>
        </div>
        <p id="share-password-hint" className="text-xs text-slate-500">
          With a password, viewers enter it once; one cookie then keeps the link open in their browser for 24 hours. An open link sets no cookie at all.
        </p>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
