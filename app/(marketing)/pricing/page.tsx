import type { Metadata } from "next";
import { PageIntro } from "@/components/marketing/PageIntro";
import { PricingFaq } from "@/components/marketing/PricingFaq";
import { PricingTable } from "@/components/marketing/PricingTable";
import { container } from "@/components/marketing/styles";
import { PLANS, TRIAL_DAYS, formatEur } from "@/lib/billing/plans";

// GET /pricing — plans by monthly pageviews; sign-up buttons lead to /register

const cheapest = PLANS[0];

export const metadata: Metadata = {
  title: "Pricing",
  description: `Simple pricing by monthly pageviews${cheapest ? `, from ${formatEur(cheapest.monthlyEur)} a month` : ""}. ${TRIAL_DAYS}-day free trial, every feature included, two months free on yearly billing.`,
};

export default function PricingPage() {
  return (
    <div className={`${container} space-y-24 py-16 sm:py-24`}>
      <div>
        <PageIntro kicker="Pricing" title="Simple pricing, by pageviews">
          <p>
            Start with a {TRIAL_DAYS}-day free trial with every feature. Then pay only for the traffic you have: every plan
            includes everything.
          </p>
        </PageIntro>
        <div className="mt-12">
          <PricingTable />
        </div>
      </div>
      <PricingFaq />
    </div>
  );
}
