import Link from "next/link";
import { TRIAL_DAYS } from "@/lib/billing/plans";
import { Faq, type FaqEntry } from "./Faq";
import { textLink } from "./styles";

const ENTRIES: readonly FaqEntry[] = [
  {
    question: "How does the free trial work?",
    answer: `Sign up with your e-mail address and use every feature for ${TRIAL_DAYS} days. No credit card and no password are needed. When the trial ends, choose the plan that fits your traffic.`,
  },
  {
    question: "What counts as a pageview?",
    answer:
      "Each page a visitor loads, including navigations inside single-page apps. Pageviews from all the sites in your account add up towards one monthly limit.",
  },
  {
    question: "What happens if I go over my limit?",
    answer:
      "Nothing is dropped. We keep recording every pageview and tell you by e-mail, so you can move to a larger plan when it suits you.",
  },
  {
    question: "Can I change or cancel my plan?",
    answer:
      "Yes, at any time, from the billing page of your account, which opens Stripe's customer portal. There you can also update your card and download invoices.",
  },
  {
    question: "Why is yearly billing cheaper?",
    answer: "A yearly subscription costs ten times the monthly price: you get twelve months and pay for ten.",
  },
  {
    question: "Who handles my payment details?",
    answer: "Stripe. Card data goes straight to Stripe and never touches MiniStat's servers.",
  },
  {
    question: "Do I need a cookie banner for MiniStat?",
    answer:
      "MiniStat sets no cookies and stores no personal data of your visitors, so it adds nothing that calls for a consent banner. Other tools on your site may still need one.",
  },
  {
    question: "Where is my data stored?",
    answer: (
      <>
        On Hostens servers in Vilnius, Lithuania. Your site data never leaves the EU. Read the details in our{" "}
        <Link href="/privacy" className={textLink}>
          privacy policy
        </Link>
        .
      </>
    ),
  },
];

export function PricingFaq() {
  return <Faq entries={ENTRIES} />;
}
