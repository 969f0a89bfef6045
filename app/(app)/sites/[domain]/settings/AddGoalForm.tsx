"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { createGoalAction } from "./actions";

const KINDS = [
  { value: "event", title: "Custom event", placeholder: "Signup", hint: "The name you pass to window.ministat('Signup')." },
  { value: "page", title: "Page visit", placeholder: "/thank-you", hint: "A path on your site, like /thank-you." },
] as const;

export function AddGoalForm({ siteId }: { siteId: string }) {
  const [state, action] = useActionState(createGoalAction, idleFormState);
  const [kind, setKind] = useState<(typeof KINDS)[number]["value"]>("event");
  const [value, setValue] = useState("");
  const current = KINDS.find((k) => k.value === kind) ?? KINDS[0];
  // The field is controlled so a refused value stays for fixing; a saved one is cleared,
  // during render when a new answer arrives (React's "adjust state when a prop changes").
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "ok") setValue("");
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="siteId" value={siteId} />
      <fieldset>
        <legend className={label}>Goal type</legend>
        <div className="mt-1.5 inline-flex rounded-lg bg-slate-100 p-1">
          {KINDS.map((k) => (
            <label key={k.value} className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${kind === k.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
              <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} className="sr-only" />
              {k.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor="goal-value" className={label}>{kind === "event" ? "Event name" : "Page path"}</label>
        <div className="flex gap-2">
          <input id="goal-value" name="value" value={value} onChange={(event) => setValue(event.target.value)} required maxLength={500} placeholder={current.placeholder} autoComplete="off" aria-invalid={state.fieldErrors?.value ? true : undefined} aria-describedby="goal-hint" className={input} />
          <SubmitButton pendingLabel="Adding…" className={`${buttonSecondary} shrink-0`}>Add goal</SubmitButton>
        </div>
        <p id="goal-hint" className="text-xs text-slate-500">{current.hint}</p>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
