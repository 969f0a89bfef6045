import type { ComponentType } from "react";
import { GlobeIcon, KeyIcon, NoCookieIcon, RefreshIcon, ShieldIcon, TrashIcon } from "./icons";
import { legalH2, legalP } from "./LegalPage";

export const PROMISES_ID = "how-ministat-keeps-these-promises";
export const PROMISES_HEADING = "How MiniStat keeps these promises";

const MEASURES: readonly { title: string; text: string; icon: ComponentType<{ className?: string }> }[] = [
  {
    title: "No cookies for visitors",
    icon: NoCookieIcon,
    text: "The tracking script and our public pages set no cookies and use no browser storage. The only cookie MiniStat sets is the login cookie of signed-in customers.",
  },
  {
    title: "No IP addresses stored",
    icon: ShieldIcon,
    text: "A visitor's IP address and user agent are used in memory to derive a country and a device type, then discarded. Neither is ever written to the database.",
  },
  {
    title: "Daily-rotating salts",
    icon: RefreshIcon,
    text: "Visitors are counted with a hash that includes a random salt replaced every day. Old salts are deleted, so nobody, including us, can follow a visitor from one day to the next.",
  },
  {
    title: "Encrypted account e-mails",
    icon: KeyIcon,
    text: "Account e-mail addresses and support messages are encrypted with AES-256-GCM in the application, under a key kept outside the database.",
  },
  {
    title: "Hosting in the EU",
    icon: GlobeIcon,
    text: "MiniStat runs on servers in Vilnius, Lithuania. Locations are looked up in a local database, and our pages load nothing from other origins.",
  },
  {
    title: "Immediate account deletion",
    icon: TrashIcon,
    text: "Deleting your account removes its sites, statistics, sessions, API keys, report subscriptions and correspondence at once, and cancels your subscription.",
  },
];

export function PrivacyPromises() {
  return (
    <section aria-labelledby={PROMISES_ID} className="mt-16 rounded-2xl bg-slate-50 p-6 ring-1 ring-slate-200 sm:p-8">
      <h2 id={PROMISES_ID} className={legalH2}>
        {PROMISES_HEADING}
      </h2>
      <p className={legalP}>The policy above is backed by how the product is built, and each point is checked by an automated test.</p>
      <ul className="mt-8 grid gap-6 sm:grid-cols-2">
        {MEASURES.map(({ title, text, icon: MeasureIcon }) => (
          <li key={title} className="flex gap-4">
            <div className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-white text-brand-600 ring-1 ring-slate-200">
              <MeasureIcon className="size-5" />
            </div>
            <div>
              <h3 className="font-semibold text-slate-900">{title}</h3>
              <p className="mt-1 text-sm leading-6 text-slate-600">{text}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
