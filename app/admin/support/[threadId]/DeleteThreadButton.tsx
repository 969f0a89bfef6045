"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { buttonDanger, buttonSecondary } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { deleteThreadAction } from "./actions";

// Deleting a thread (on the correspondent's request) asks once more, in place; focus moves to
// the safe choice.
export function DeleteThreadButton({ threadId }: { threadId: string }) {
  const [state, action] = useActionState(deleteThreadAction, idleFormState);
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded-lg px-3 py-2 text-sm font-medium text-red-700 ring-1 ring-red-200 ring-inset hover:bg-red-50">
        Delete thread…
      </button>
    );
  }
  return (
    <form action={action} className="w-full space-y-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200" aria-label="Confirm deletion">
      <input type="hidden" name="threadId" value={threadId} />
      <p className="text-sm text-red-900">Delete this thread and all its messages for good? There is no undo.</p>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button ref={cancel} type="button" onClick={() => setConfirming(false)} className={buttonSecondary}>
          Cancel
        </button>
        <SubmitButton pendingLabel="Deleting…" className={buttonDanger}>
          Delete permanently
        </SubmitButton>
      </div>
    </form>
  );
}
