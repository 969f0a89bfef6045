// Shown after a sign-in link was requested, whether or not the address has an account.
export function CheckInbox({ email }: { email: string }) {
  return (
    <div role="status" className="space-y-3 text-center">
      <div aria-hidden className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-2xl">✉</div>
      <h2 className="text-lg font-semibold text-slate-900">Check your inbox</h2>
      <p className="text-sm leading-6 text-slate-600">
        If <strong className="font-medium text-slate-900">{email}</strong> has a MiniStat account, we sent it a sign-in link. It works once, for 15
        minutes. Nothing there? Check the spam folder, or try again in a minute.
      </p>
    </div>
  );
}
