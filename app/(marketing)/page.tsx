import type { Metadata } from "next";
import { CallToAction } from "@/components/marketing/CallToAction";
import { Comparison } from "@/components/marketing/Comparison";
import { FeatureGrid } from "@/components/marketing/FeatureGrid";
import { Hero } from "@/components/marketing/Hero";
import { ScriptSnippet } from "@/components/marketing/ScriptSnippet";
import { TestedPromises } from "@/components/marketing/TestedPromises";

// GET / — what MiniStat is and why it is different

export const metadata: Metadata = {
  title: { absolute: "MiniStat — privacy-first web analytics, hosted in the EU" },
  description:
    "Cookie-less web analytics with a tracker under 1 KB, a fast one-page dashboard and no personal data of your visitors. Hosted in Vilnius, Lithuania.",
};

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { deleted } = await searchParams;
  return (
    <>
      {deleted === "1" && (
        <p role="status" className="bg-emerald-50 px-4 py-3 text-center text-sm font-medium text-emerald-900 ring-1 ring-emerald-200">
          Your account and all its data have been deleted.
        </p>
      )}
      <Hero />
      <ScriptSnippet />
      <FeatureGrid />
      <Comparison />
      <TestedPromises />
      <CallToAction />
    </>
  );
}
