"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { renameSiteAction } from "./actions";

export function RenameSiteForm({ siteId, domain }: { siteId: string; domain: string }) {
  const [state, action] = useActionState(renameSiteAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="siteId" value={siteId} />
      <div className="space-y-1.5">
        <label htmlFor="site-domain" className={label}>Domain</label>
        <input id="site-domain" name="domain" defaultValue={state.values?.domain ?? domain} required maxLength={260} className={input} aria-invalid={state.fieldErrors?.domain ? true : undefined} />
        <p className="text-xs text-slate-500">Change it when the site moves; update data-domain in the script tag at the same time. Statistics stay.</p>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…" className={buttonSecondary}>Save domain</SubmitButton>
    </form>
  );
}
