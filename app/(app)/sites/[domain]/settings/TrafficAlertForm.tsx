"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState, type FormState } from "@/lib/http/form-state";
import { removeTrafficAlertAction, saveTrafficAlertAction } from "./alert-actions";

// Turn the site's traffic alert on with a threshold, change it, or turn it off. One message
// line shows the answer of whichever of the two forms answered last.

type Props = { siteId: string; threshold: number | null; max: number };

export function TrafficAlertForm({ siteId, threshold, max }: Props) {
  const [saved, save] = useActionState(saveTrafficAlertAction, idleFormState);
  const [removed, remove] = useActionState(removeTrafficAlertAction, idleFormState);
  // Adjusted during render when an answer arrives (React's "adjust state when a prop changes").
  const [answers, setAnswers] = useState({ saved, removed, latest: idleFormState as FormState });
  if (answers.saved !== saved || answers.removed !== removed) {
    setAnswers({ saved, removed, latest: answers.saved !== saved ? saved : removed });
  }
  const on = threshold !== null;
  const fieldError = answers.latest === saved ? saved.fieldErrors?.threshold : undefined;
  return (
    <div className="space-y-4">
      <form action={save} className="space-y-1.5">
        <input type="hidden" name="siteId" value={siteId} />
        <label htmlFor="alert-threshold" className={label}>E-mail me when more than this many people are on the site at once</label>
        <div className="flex max-w-sm gap-2">
          <input
            id="alert-threshold"
            name="threshold"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            step={1}
            required
            placeholder="100"
            defaultValue={(fieldError ? saved.values?.threshold : undefined) ?? threshold ?? ""}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby="alert-threshold-hint"
            className={input}
          />
          <SubmitButton pendingLabel="Saving…" className={`${buttonSecondary} shrink-0`}>{on ? "Save threshold" : "Turn on alerts"}</SubmitButton>
        </div>
        <p id="alert-threshold-hint" className="text-xs text-slate-500">
          Current visitors are the people seen in the last 5 minutes, as in the dashboard&apos;s realtime figure. At most one e-mail an hour.
        </p>
      </form>
      {on && (
        <form action={remove}>
          <input type="hidden" name="siteId" value={siteId} />
          <SubmitButton pendingLabel="Turning off…" className="rounded-md px-2.5 py-1.5 -ml-2.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60">
            Turn off traffic alerts
          </SubmitButton>
        </form>
      )}
      <FormMessage state={answers.latest} />
    </div>
  );
}
