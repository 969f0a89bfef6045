import Link from "next/link";
import type { ReactNode } from "react";
import { TRIAL_DAYS } from "@/lib/billing/plans";
import { MailtoLink } from "./MailtoLink";
import { legalH2, legalP } from "./LegalPage";
import { textLink } from "./styles";

export const TERMS_UPDATED_AT = "2026-11-24";

type TermsSection = { id: string; heading: string; body: (contactEmail: string) => ReactNode };

const li = "pl-1 leading-7 text-slate-700";

export const TERMS_SECTIONS: readonly TermsSection[] = [
  {
    id: "agreement",
    heading: "1. The agreement",
    body: () => (
      <p className={legalP}>
        These terms govern your use of MiniStat, a web analytics service (&ldquo;the service&rdquo;). By creating an
        account you accept them. If you use MiniStat on behalf of an organisation, you accept them for that organisation.
      </p>
    ),
  },
  {
    id: "account",
    heading: "2. Your account",
    body: () => (
      <p className={legalP}>
        You sign in with links sent to your e-mail address, so keep access to that mailbox secure. You are responsible for
        what happens in your account and for the sites you add to it. Only add websites you own or are authorised to
        measure.
      </p>
    ),
  },
  {
    id: "trial-and-subscription",
    heading: "3. Free trial and subscription",
    body: () => (
      <>
        <p className={legalP}>
          Every new account starts with a {TRIAL_DAYS}-day free trial with all features and no payment details. To keep
          using the service after the trial, choose a paid plan.
        </p>
        <p className={legalP}>
          Plans are priced by monthly pageviews and billed in advance, monthly or yearly, in euros, through Stripe (see the{" "}
          <Link href="/pricing" className={textLink}>
            pricing page
          </Link>
          ). If you exceed your plan&apos;s limit we keep recording your data and tell you by e-mail; if you stay above it,
          we may ask you to move to a plan that fits. We announce price changes by e-mail at least 30 days in advance; they
          apply from your next billing period.
        </p>
      </>
    ),
  },
  {
    id: "cancellation",
    heading: "4. Cancellation",
    body: () => (
      <p className={legalP}>
        You can cancel at any time from the billing page of your account, which opens the Stripe customer portal. Your
        plan stays active until the end of the period you have paid for and is not renewed. Payments already made are not
        refunded, except where the law requires it. Deleting your account cancels the subscription and permanently
        deletes all of its data immediately.
      </p>
    ),
  },
  {
    id: "acceptable-use",
    heading: "5. Acceptable use",
    body: () => (
      <>
        <p className={legalP}>You agree not to:</p>
        <ul className="mt-3 list-disc space-y-2 pl-6 marker:text-slate-400">
          <li className={li}>use MiniStat for anything unlawful, or to track sites you are not authorised to measure;</li>
          <li className={li}>send personal data of your visitors to MiniStat, for example in custom event properties or page URLs;</li>
          <li className={li}>try to identify individual visitors, or to work around the privacy protections of the service;</li>
          <li className={li}>send fake or automated traffic, overload the service, or probe it for weaknesses without our consent;</li>
          <li className={li}>resell the service without our written agreement.</li>
        </ul>
        <p className={legalP}>We may suspend an account that breaks these rules, after telling you why whenever we can.</p>
      </>
    ),
  },
  {
    id: "your-data",
    heading: "6. Your data",
    body: () => (
      <p className={legalP}>
        The statistics of your sites belong to you. We process them only to provide the service, as described in our{" "}
        <Link href="/privacy" className={textLink}>
          privacy policy
        </Link>
        . You can export them at any time, through CSV export or the Stats API.
      </p>
    ),
  },
  {
    id: "availability-and-liability",
    heading: "7. Availability and liability",
    body: () => (
      <>
        <p className={legalP}>
          We work to keep MiniStat available and accurate, but we provide it &ldquo;as is&rdquo;, without a guarantee of
          uninterrupted operation. We may need short maintenance windows.
        </p>
        <p className={legalP}>
          To the extent the law allows, we are not liable for indirect or consequential losses, such as lost profits or
          lost data, and our total liability is limited to the amount you paid us in the 12 months before the claim.
          Nothing in these terms limits liability that cannot be limited by law.
        </p>
      </>
    ),
  },
  {
    id: "changes",
    heading: "8. Changes to these terms",
    body: () => (
      <p className={legalP}>
        We may update these terms. We announce significant changes by e-mail at least 30 days before they take effect. If
        you do not agree, you can cancel before then.
      </p>
    ),
  },
  {
    id: "governing-law",
    heading: "9. Governing law",
    body: () => (
      <p className={legalP}>
        These terms are governed by the laws of the Republic of Lithuania. Disputes go to the competent courts of Vilnius,
        Lithuania, without taking away any mandatory protection that the law of your country gives you as a consumer.
      </p>
    ),
  },
  {
    id: "contact",
    heading: "10. Contact",
    body: (contactEmail) => (
      <p className={legalP}>
        Questions about these terms? Write to us at <MailtoLink email={contactEmail} className={textLink} />.
      </p>
    ),
  },
];

export function TermsContent({ contactEmail }: { contactEmail: string }) {
  return (
    <div className="space-y-12">
      {TERMS_SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id} className={legalH2}>
            {section.heading}
          </h2>
          {section.body(contactEmail)}
        </section>
      ))}
    </div>
  );
}
