"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { revokeApiKeyAction } from "./actions";

// Revoking asks once more, in place; focus moves to the confirming button.
export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, idleFormState);
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50" aria-label={`Revoke key ${name}`}>
        Revoke
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="keyId" value={keyId} />
      <span className="text-sm text-slate-700">Scripts using it stop working.</span>
      {state.status === "error" && <span role="alert" className="text-xs text-red-700">{state.message}</span>}
      <button ref={cancel} type="button" onClick={() => setConfirming(false)} className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100">
        Cancel
      </button>
      <SubmitButton pendingLabel="Revoking…" className="inline-flex items-center gap-2 rounded-md bg-red-600 px-2.5 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-60">
        Revoke key
      </SubmitButton>
    </form>
  );
}
