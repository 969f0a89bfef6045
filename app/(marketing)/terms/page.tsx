import type { Metadata } from "next";
import { LegalPage } from "@/components/marketing/LegalPage";
import { TERMS_SECTIONS, TERMS_UPDATED_AT, TermsContent } from "@/components/marketing/TermsContent";
import { getEnv } from "@/lib/config/env";

// GET /terms — terms of service, with the configured contact address

// CONTACT_EMAIL is read per request, so a changed address shows without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Terms of service",
  description:
    "The terms of the MiniStat subscription: free trial, billing and cancellation through Stripe, acceptable use, liability, and Lithuanian law.",
};

const TOC = TERMS_SECTIONS.map((s) => ({ id: s.id, label: s.heading.replace(/^\d+\.\s*/, "") }));

export default function TermsPage() {
  const { CONTACT_EMAIL } = getEnv();
  return (
    <LegalPage title="Terms of service" updatedAt={TERMS_UPDATED_AT} toc={TOC}>
      <TermsContent contactEmail={CONTACT_EMAIL} />
    </LegalPage>
  );
}
