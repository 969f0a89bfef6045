import type { Metadata } from "next";
import { LegalPage, slugify } from "@/components/marketing/LegalPage";
import { PolicyContent } from "@/components/marketing/PolicyContent";
import { PROMISES_HEADING, PROMISES_ID, PrivacyPromises } from "@/components/marketing/PrivacyPromises";
import { getEnv } from "@/lib/config/env";
import { POLICY_SECTIONS, POLICY_TITLE, POLICY_UPDATED_AT } from "@/lib/legal/policy";

// GET /privacy — the privacy policy, its date and the configured contact address

// CONTACT_EMAIL is read per request, so a changed address shows without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Privacy policy",
  description:
    "What MiniStat collects from its customers and why, how long it is kept, and how the product keeps your visitors' data out of reach: no cookies, no IP addresses, hosted in the EU.",
};

const TOC = [
  ...POLICY_SECTIONS.map((s) => ({ id: slugify(s.heading), label: s.heading })),
  { id: PROMISES_ID, label: PROMISES_HEADING },
];

export default function PrivacyPage() {
  const { CONTACT_EMAIL } = getEnv();
  return (
    <LegalPage title={POLICY_TITLE} updatedAt={POLICY_UPDATED_AT} toc={TOC}>
      <PolicyContent contactEmail={CONTACT_EMAIL} />
      <PrivacyPromises />
    </LegalPage>
  );
}
