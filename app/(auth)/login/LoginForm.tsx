"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CheckInbox } from "@/components/auth/CheckInbox";
import { EmailField } from "@/components/ui/EmailField";
import { FormMessage } from "@/components/ui/FormMessage";
import { link } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { loginAction } from "./actions";

export function LoginForm() {
  const [state, action] = useActionState(loginAction, idleFormState);
  if (state.status === "ok") return <CheckInbox email={state.message ?? ""} />;
  return (
    <form action={action} className="space-y-5" noValidate>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in to MiniStat</h1>
        <p className="mt-1 text-sm text-slate-600">No password: we e-mail you a link that signs you in.</p>
      </div>
      <EmailField error={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending…" className="w-full inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-70">
        Email me a sign-in link
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        New to MiniStat?{" "}
        <Link href="/register" className={link}>
          Start a free trial
        </Link>
      </p>
    </form>
  );
}
