"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { signOutAction, signOutEverywhereAction } from "./actions";

export function SessionButtons() {
  const [signOutState, signOut] = useActionState(signOutAction, idleFormState);
  const [everywhereState, signOutEverywhere] = useActionState(signOutEverywhereAction, idleFormState);
  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-wrap gap-3">
        <form action={signOut}>
          <SubmitButton pendingLabel="Signing out…" className={buttonSecondary}>Sign out</SubmitButton>
        </form>
        <form action={signOutEverywhere}>
          <SubmitButton pendingLabel="Signing out everywhere…" className={buttonSecondary}>Sign out of all devices</SubmitButton>
        </form>
      </div>
      <FormMessage state={signOutState.status === "error" ? signOutState : everywhereState} />
    </div>
  );
}
