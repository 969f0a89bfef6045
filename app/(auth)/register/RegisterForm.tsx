"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import ReCAPTCHA from "react-google-recaptcha";
import { CheckInbox } from "@/components/auth/CheckInbox";
import { EmailField } from "@/components/ui/EmailField";
import { FormMessage } from "@/components/ui/FormMessage";
import { link } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { registerAction } from "./actions";

export function RegisterForm({ recaptchaSiteKey }: { recaptchaSiteKey: string | null }) {
  const [state, action] = useActionState(registerAction, idleFormState);
  const captcha = useRef<ReCAPTCHA>(null);
  if (state.status === "ok") return <CheckInbox email={state.message ?? ""} />;

  return (
    <form action={action} className="space-y-5" noValidate>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Start your free trial</h1>
        <p className="mt-1 text-sm text-slate-600">30 days free, no card needed. We e-mail you a link to sign in.</p>
      </div>
      <EmailField error={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <div className="flex items-start gap-3">
        <input id="consent" name="consent" type="checkbox" required defaultChecked={state.values?.consent === "on"} className="mt-1 size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
        <label htmlFor="consent" className="text-sm leading-6 text-slate-700">
          I agree to the Terms and the Privacy Policy (read the{" "}
          <Link href="/terms" className={link} target="_blank">
            Terms
          </Link>{" "}
          and the{" "}
          <Link href="/privacy" className={link} target="_blank">
            Privacy Policy
          </Link>
          ).
        </label>
      </div>
      {recaptchaSiteKey ? (
        <ReCAPTCHA ref={captcha} sitekey={recaptchaSiteKey} />
      ) : (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200">
          The captcha is switched off on this server (no reCAPTCHA keys are configured).
        </p>
      )}
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Creating your account…" className="w-full inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-70">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className={link}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
