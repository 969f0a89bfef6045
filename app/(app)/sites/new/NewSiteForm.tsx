"use client";

import { useActionState, useState } from "react";
import { TimeZoneSelect } from "@/components/sites/TimeZoneSelect";
import type { TimeZoneGroup } from "@/components/sites/time-zone-options";
import { FormMessage } from "@/components/ui/FormMessage";
import { label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { createSiteAction } from "./actions";

export function NewSiteForm({ timeZones }: { timeZones: TimeZoneGroup[] }) {
  const [state, action] = useActionState(createSiteAction, idleFormState);
  const [domain, setDomain] = useState("");
  const domainError = state.status === "error" ? state.fieldErrors?.domain : undefined;
  return (
    <form action={action} className="space-y-6" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="domain" className={label}>Domain</label>
        <div className="flex rounded-lg shadow-sm ring-1 ring-slate-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500 has-[[aria-invalid=true]]:ring-red-500">
          <span aria-hidden className="flex select-none items-center pl-3 text-slate-500">https://</span>
          <input
            id="domain"
            name="domain"
            type="text"
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            inputMode="url"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            placeholder="example.com"
            aria-invalid={domainError ? true : undefined}
            aria-describedby="domain-hint"
            className="block min-w-0 flex-1 border-0 bg-transparent py-2 pl-1 pr-3 text-slate-900 placeholder:text-slate-400 focus:ring-0 focus:outline-none focus-visible:outline-none"
          />
        </div>
        <p id="domain-hint" className="text-xs text-slate-500">Just the domain, without https:// or a path. Subdomains count as separate sites.</p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="timezone" className={label}>Reporting time zone</label>
        <TimeZoneSelect id="timezone" groups={timeZones} error={state.fieldErrors?.timezone} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Adding the site…">Add site and get the snippet</SubmitButton>
    </form>
  );
}
