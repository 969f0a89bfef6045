"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { deleteSiteAction } from "./actions";

export function DeleteSiteForm({ siteId, domain }: { siteId: string; domain: string }) {
  const [state, action] = useActionState(deleteSiteAction, idleFormState);
  const [typed, setTyped] = useState("");
  return (
    <form action={action} className="mt-4 space-y-3">
      <input type="hidden" name="siteId" value={siteId} />
      <div className="space-y-1.5">
        <label htmlFor="confirm-domain" className={label}>
          Type <strong className="font-semibold">{domain}</strong> to confirm
        </label>
        <input id="confirm-domain" name="confirmDomain" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" autoCapitalize="none" spellCheck={false} required className={input} aria-invalid={state.fieldErrors?.confirmDomain ? true : undefined} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Deleting the site…" className={buttonDanger} disabled={typed.trim().toLowerCase() !== domain}>Delete site and its statistics</SubmitButton>
    </form>
  );
}
