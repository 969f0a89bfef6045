"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/http/form-state";
import { idleFormState } from "@/lib/http/form-state";
import { SubmitButton } from "@/components/ui/SubmitButton";

// A one-button form (delete a goal, a link, a key) with its pending state and error.
export function InlineActionButton({
  action,
  fields,
  label,
  pendingLabel,
  accessibleLabel,
  className = "rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60",
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel?: string;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="flex items-center gap-2" aria-label={accessibleLabel}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "error" && <span role="alert" className="text-xs text-red-700">{state.message}</span>}
      <SubmitButton pendingLabel={pendingLabel} className={className}>
        {label}
      </SubmitButton>
    </form>
  );
}
