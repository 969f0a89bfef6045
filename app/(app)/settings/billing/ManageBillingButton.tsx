"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { manageBillingAction } from "./actions";

// Opens Stripe's Customer Portal for this account (the action redirects there).
export function ManageBillingButton() {
  const [state, action] = useActionState(manageBillingAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <SubmitButton pendingLabel="Opening Stripe…" className={buttonSecondary}>Manage billing</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
