"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import ReCAPTCHA from "react-google-recaptcha";
import { LimitedTextField } from "@/components/support/LimitedTextField";
import { EmailField } from "@/components/ui/EmailField";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, input, label, link } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idleFormState } from "@/lib/http/form-state";
import { SUPPORT_LIMITS } from "@/lib/support/types";
import { sendSupportMessageAction } from "./actions";
import { SentConfirmation } from "./SentConfirmation";

// The support form. Signed out: the address the visitor types, a free-text site, the captcha when keys are set —
// loaded only once the visitor starts on the form (first focus or input in it), and said so:
// merely reading /support contacts nobody but us.
// Signed in (`account`): the account's address, shown but not editable (the action uses the
// session's anyway), and a choice among the account's own sites.

export type SupportAccount = { email: string; sites: string[] };

type Props = { account: SupportAccount | null; recaptchaSiteKey: string | null };

export function SupportForm(props: Props) {
  // "Write another message" starts a fresh form (and a fresh action state).
  const [round, setRound] = useState(0);
  return <SupportFormRound key={round} {...props} onAnother={() => setRound((n) => n + 1)} />;
}

function SupportFormRound({ account, recaptchaSiteKey, onAnother }: Props & { onAnother: () => void }) {
  const [state, action] = useActionState(sendSupportMessageAction, idleFormState);
  const captcha = useRef<ReCAPTCHA>(null);
  const captchaKey = account ? null : recaptchaSiteKey;
  const [startedWriting, setStartedWriting] = useState(false);
  const onIntent = captchaKey && !startedWriting ? () => setStartedWriting(true) : undefined;
  // A token is good for one check: after a refused attempt the box must be ticked again.
  useEffect(() => {
    if (state.status === "error") captcha.current?.reset();
  }, [state]);

  if (state.status === "ok") {
    return <SentConfirmation reference={state.message ?? ""} email={state.values?.email ?? account?.email ?? ""} signedIn={account !== null} onAnother={onAnother} />;
  }

  const values = state.values;
  const errors = state.fieldErrors;
  return (
    <form action={action} onFocus={onIntent} onInput={onIntent} className="space-y-5" noValidate aria-label="Write to support">
      {account ? <AccountEmail email={account.email} /> : <EmailField error={errors?.email} defaultValue={values?.email} />}
      {account ? (
        <SiteSelect sites={account.sites} defaultValue={values?.site} error={errors?.site} />
      ) : (
        <LimitedTextField name="site" label="Your site" hint="The domain your question is about, e.g. example.com." limit={SUPPORT_LIMITS.site} defaultValue={values?.site} error={errors?.site} />
      )}
      <LimitedTextField name="subject" label="Subject" limit={SUPPORT_LIMITS.subject} required defaultValue={values?.subject} error={errors?.subject} />
      <LimitedTextField name="message" label="Message" limit={SUPPORT_LIMITS.message} multiline required rows={8} defaultValue={values?.message} error={errors?.message} />
      {captchaKey ? (
        <div className="space-y-2" data-testid="captcha">
          <p className="text-xs leading-5 text-slate-600">
            Spam protection: once you start filling in this form, it loads Google reCAPTCHA, which contacts Google. Nothing is sent to Google before that.
          </p>
          <div className="min-h-[78px]">{startedWriting && <ReCAPTCHA ref={captcha} sitekey={captchaKey} />}</div>
        </div>
      ) : (
        !account && <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200">The captcha is switched off on this server (no reCAPTCHA keys are configured).</p>
      )}
      <p className="text-xs leading-5 text-slate-600">
        We keep this conversation, with your e-mail address, encrypted, to answer you and to look back at if you write again. See the{" "}
        <Link href="/privacy" className={link}>
          privacy policy
        </Link>
        .
      </p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending…" className={`${buttonPrimary} w-full sm:w-auto`}>
        Send message
      </SubmitButton>
    </form>
  );
}

function AccountEmail({ email }: { email: string }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={label}>
        E-mail address
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Your account&apos;s address: we answer there.
      </p>
      <input id={id} name="email" type="email" value={email} readOnly aria-describedby={`${id}-hint`} className={`${input} bg-slate-50 text-slate-700`} />
    </div>
  );
}

function SiteSelect({ sites, defaultValue, error }: { sites: string[]; defaultValue?: string; error?: string }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={label}>
        Site <span className="font-normal text-slate-600">(optional)</span>
      </label>
      <select id={id} name="site" defaultValue={defaultValue ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={`${input} truncate pr-8`}>
        <option value="">Not about one site</option>
        {sites.map((domain) => (
          <option key={domain} value={domain}>
            {domain}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
