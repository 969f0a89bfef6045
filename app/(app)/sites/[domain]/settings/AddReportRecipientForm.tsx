"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { MAX_CONFIRMATIONS_PER_ADDRESS, UNSUBSCRIBE_BLOCK_DAYS } from "@/lib/reports/limits";
import { addReportRecipientAction } from "./email-reports-actions";

const FREQUENCIES = [
  { value: "weekly", title: "Weekly" },
  { value: "monthly", title: "Monthly" },
] as const;

export function AddReportRecipientForm({ siteId }: { siteId: string }) {
  const [state, action] = useActionState(addReportRecipientAction, idleFormState);
  const [frequency, setFrequency] = useState<(typeof FREQUENCIES)[number]["value"]>("weekly");
  const [email, setEmail] = useState("");
  // Controlled so a refused address stays for fixing; an added one is cleared when the answer arrives.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "ok") setEmail("");
  }
  const error = state.status === "error" ? state.fieldErrors?.email : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="siteId" value={siteId} />
      <fieldset>
        <legend className={label}>Report</legend>
        <div className="mt-1.5 inline-flex rounded-lg bg-slate-100 p-1">
          {FREQUENCIES.map((f) => (
            <label key={f.value} className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${frequency === f.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
              <input type="radio" name="frequency" value={f.value} checked={frequency === f.value} onChange={() => setFrequency(f.value)} className="sr-only" />
              {f.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor="report-recipient" className={label}>Recipient&apos;s e-mail address</label>
        <div className="flex flex-wrap gap-2">
          <input
            id="report-recipient"
            name="email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
            maxLength={254}
            autoComplete="off"
            placeholder="colleague@example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby="report-recipient-hint"
            className={`${input} min-w-0 flex-1 basis-56`}
          />
          <SubmitButton pendingLabel="Sending…" className={`${buttonSecondary} shrink-0`}>Send confirmation link</SubmitButton>
        </div>
        <p id="report-recipient-hint" className="text-xs text-slate-500">
          Your own address is subscribed at once, without a link. To keep these e-mails from becoming a nuisance, one address gets at most {MAX_CONFIRMATIONS_PER_ADDRESS} confirmation links a day, and none for {UNSUBSCRIBE_BLOCK_DAYS} days after it unsubscribed from this site.
        </p>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
