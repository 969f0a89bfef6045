"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { createApiKeyAction } from "./actions";
import { createdKeyOf } from "./created-key";
import { NewKeyNotice } from "./NewKeyNotice";

export function CreateApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, idleFormState);
  const [name, setName] = useState("");
  const created = createdKeyOf(state);
  // Clear the name once per new key, during render (React's "adjust state when a prop
  // changes"), not in an effect that would render the stale name first.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (created) setName("");
  }
  return (
    <div className="space-y-4">
      {created && <NewKeyNotice name={created.name} apiKey={created.key} />}
      <form action={action} className="space-y-3">
        <div className="space-y-1.5">
          <label htmlFor="key-name" className={label}>Name</label>
          <div className="flex gap-2">
            <input id="key-name" name="name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={60} autoComplete="off" placeholder="Reporting script" aria-invalid={state.fieldErrors?.name ? true : undefined} className={input} />
            <SubmitButton pendingLabel="Creating…" className={`${buttonPrimary} shrink-0`}>Create key</SubmitButton>
          </div>
          <p className="text-xs text-slate-500">A name helps you recognise the key later, e.g. where it is used.</p>
        </div>
        {state.status === "error" && <FormMessage state={state} />}
      </form>
    </div>
  );
}
