"use client";

import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonDanger, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { deleteAccountAction } from "./actions";

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, idleFormState);
  const id = useId();
  return (
    <form action={action} className="mt-4 space-y-3">
      <div className="space-y-1.5">
        <label htmlFor={id} className={label}>
          Type your e-mail address to confirm
        </label>
        <input id={id} name="confirmEmail" type="email" autoComplete="off" required className={input} aria-invalid={state.fieldErrors?.confirmEmail ? true : undefined} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Deleting everything…" className={buttonDanger}>Delete account permanently</SubmitButton>
    </form>
  );
}
