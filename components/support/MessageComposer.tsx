"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, card } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState, type FormState } from "@/lib/http/form-state";
import { SUPPORT_LIMITS } from "@/lib/support/types";
import { LimitedTextField } from "./LimitedTextField";

// One text box and a button that post to a thread: the customer's reply, a staff reply, an
// internal note. The thread's page re-renders with the new message once the action is done.

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  threadId: string;
  /** The field the action's schema reads: "message" for replies, "note" for notes. */
  field: "message" | "note";
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  buttonClassName?: string;
};

export function MessageComposer({ action, threadId, field, label, hint, submitLabel, pendingLabel, buttonClassName = buttonPrimary }: Props) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="threadId" value={threadId} />
      <LimitedTextField name={field} label={label} hint={hint} limit={SUPPORT_LIMITS.message} multiline required rows={5} defaultValue={state.values?.[field]} error={state.fieldErrors?.[field]} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={pendingLabel} className={buttonClassName}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** A titled card around a MessageComposer (`id` names its heading). */
export function ComposerSection({ id, heading, className = card, ...composer }: Props & { id: string; heading: string; className?: string }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-4 text-lg font-semibold text-slate-900">
        {heading}
      </h2>
      <MessageComposer {...composer} />
    </section>
  );
}
