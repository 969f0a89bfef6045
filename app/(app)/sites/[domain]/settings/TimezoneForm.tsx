"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/sites/TimeZoneSelect";
import type { TimeZoneGroup } from "@/components/sites/time-zone-options";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { updateTimezoneAction } from "./actions";

export function TimezoneForm({ siteId, timezone, groups }: { siteId: string; timezone: string; groups: TimeZoneGroup[] }) {
  const [state, action] = useActionState(updateTimezoneAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="siteId" value={siteId} />
      <div className="space-y-1.5">
        <label htmlFor="timezone" className={label}>Reporting time zone</label>
        <TimeZoneSelect id="timezone" groups={groups} value={timezone} error={state.fieldErrors?.timezone} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…" className={buttonSecondary}>Save time zone</SubmitButton>
    </form>
  );
}
