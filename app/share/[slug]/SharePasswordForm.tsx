"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { input, label } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { unlockSharedLinkAction } from "./actions";

export function SharePasswordForm({ slug, domain }: { slug: string; domain: string }) {
  const [state, action] = useActionState(unlockSharedLinkAction, idleFormState);
  return (
    <div className="mx-auto mt-8 max-w-md rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <div aria-hidden className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-5"><path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" /></svg>
      </div>
      <h1 className="mt-4 text-xl font-bold tracking-tight text-slate-900">The statistics of {domain}</h1>
      <p className="mt-1 text-sm text-slate-600">This shared dashboard is protected. Enter the password you were given.</p>
      <form action={action} className="mt-6 space-y-4">
        <input type="hidden" name="slug" value={slug} />
        <div className="space-y-1.5">
          <label htmlFor="share-password" className={label}>Password</label>
          <input id="share-password" name="password" type="password" autoComplete="current-password" required autoFocus maxLength={200} aria-invalid={state.fieldErrors?.password ? true : undefined} className={input} />
        </div>
        <FormMessage state={state} />
        <SubmitButton pendingLabel="Checking…" className="inline-flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-70">
          View dashboard
        </SubmitButton>
      </form>
      <p className="mt-6 text-xs text-slate-500">Once unlocked, one cookie keeps this link open in this browser for 24 hours.</p>
    </div>
  );
}
