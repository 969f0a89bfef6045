import Link from "next/link";
import { container } from "./styles";

const PROMISES = [
  {
    promise: "No cookies on your visitors",
    proof: "An end-to-end test reads the browser's cookie jar after every step. The only cookie MiniStat ever sets is your own login session.",
  },
  {
    promise: "Nothing loaded from other origins",
    proof: "A test records every request our pages make. Fonts, icons and scripts come from our own server; the only exceptions are reCAPTCHA on the sign-up form and Stripe's checkout.",
  },
  {
    promise: "Your e-mail is encrypted",
    proof: "A test dumps a populated database and searches it: no plaintext e-mail address or support message may appear.",
  },
  {
    promise: "Deletion means deletion",
    proof: "A test deletes an account and then walks every table, making sure nothing linked to it is left behind.",
  },
];

export function TestedPromises() {
  return (
    <section aria-labelledby="tested-title" className="bg-slate-900 py-20 sm:py-28">
      <div className={container}>
        <div className="mx-auto max-w-2xl text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">Tested, not just claimed</p>
          <h2 id="tested-title" className="mt-2 text-3xl font-bold tracking-tight text-balance text-white sm:text-4xl">
            A privacy policy with tests behind it
          </h2>
          <p className="mt-4 text-lg leading-8 text-pretty text-slate-300">
            Every promise in our{" "}
            <Link href="/privacy" className="font-medium text-white underline underline-offset-2">
              privacy policy
            </Link>{" "}
            is a requirement, with an automated test that fails if the product ever breaks it.
          </p>
        </div>
        <ul className="mx-auto mt-14 grid max-w-5xl gap-6 sm:grid-cols-2">
          {PROMISES.map((p) => (
            <li key={p.promise} className="rounded-2xl bg-white/5 p-6 ring-1 ring-white/10">
              <h3 className="flex items-center gap-2 font-semibold text-white">
                <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-emerald-400/15 text-sm text-emerald-300">
                  ✓
                </span>
                {p.promise}
              </h3>
              <p className="mt-3 leading-7 text-slate-300">{p.proof}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
