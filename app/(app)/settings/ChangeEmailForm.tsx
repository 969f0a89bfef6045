"use client";

import { useActionState } from "react";
import { EmailField } from "@/components/ui/EmailField";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { changeEmailAction } from "./actions";

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, idleFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <EmailField id="new-email" labelText="New e-mail address" error={state.status === "error" ? state.fieldErrors?.email : undefined} defaultValue={state.values?.email} />
      <p className="text-xs text-slate-500">We send a confirmation link to the new address; your address changes when you open it.</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending…" className={buttonSecondary}>Change e-mail address</SubmitButton>
    </form>
  );
}
