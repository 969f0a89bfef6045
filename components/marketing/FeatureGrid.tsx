import type { ComponentType } from "react";
import { BoltIcon, CodeIcon, FeatherIcon, GlobeIcon, MailIcon, NoCookieIcon, ShieldIcon, TargetIcon } from "./icons";
import { container, eyebrow, sectionLead, sectionTitle } from "./styles";

type Feature = { title: string; text: string; icon: ComponentType<{ className?: string }> };

const FEATURES: readonly Feature[] = [
  {
    title: "No cookies",
    icon: NoCookieIcon,
    text: "The script sets no cookies and uses no browser storage, so MiniStat adds nothing to a cookie banner.",
  },
  {
    title: "No IP addresses stored",
    icon: ShieldIcon,
    text: "Visitors are counted with a salted hash that changes every day. IP addresses and user agents are never written to disk.",
  },
  {
    title: "Hosted in the EU",
    icon: GlobeIcon,
    text: "Servers in Vilnius, Lithuania. Your site data never leaves the EU, and locations come from a local database, not a third-party API.",
  },
  {
    title: "A script under 1 KB",
    icon: FeatherIcon,
    text: "Smaller than most images on your page. Loaded with defer, it never slows down rendering.",
  },
  {
    title: "A fast dashboard",
    icon: BoltIcon,
    text: "Everything on one page. Click any row to filter, combine filters, share the URL. Realtime visitors included.",
  },
  {
    title: "Open Stats API",
    icon: CodeIcon,
    text: "Aggregates, time series and breakdowns over a plain HTTP API with per-account keys. Your numbers, wherever you need them.",
  },
  {
    title: "Goals and custom events",
    icon: TargetIcon,
    text: "Track sign-ups, downloads and outbound clicks, and see the conversion rate of every goal.",
  },
  {
    title: "E-mail reports, opt-in",
    icon: MailIcon,
    text: "Weekly or monthly summaries, sent only to the people who subscribe, with a one-click unsubscribe.",
  },
];

export function FeatureGrid() {
  return (
    <section aria-labelledby="features-title" className="py-20 sm:py-28">
      <div className={container}>
        <div className="mx-auto max-w-2xl text-center">
          <p className={eyebrow}>Why MiniStat</p>
          <h2 id="features-title" className={`mt-2 ${sectionTitle}`}>
            All the insight, none of the personal data
          </h2>
          <p className={sectionLead}>
            The numbers you need to grow a website, collected in a way you can explain to every visitor.
          </p>
        </div>
        <ul className="mt-16 grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map(({ title, text, icon: FeatureIcon }) => (
            <li key={title}>
              <div className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600 ring-1 ring-brand-100">
                <FeatureIcon />
              </div>
              <h3 className="mt-4 text-base font-semibold text-slate-900">{title}</h3>
              <p className="mt-2 leading-7 text-slate-600">{text}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
