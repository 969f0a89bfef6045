import type { Metadata } from "next";
import { hasAnyEvent } from "@/components/dashboard/stats-source";
import { getAppUrl } from "@/lib/config/env";
import { buildSnippets } from "@/lib/sites/snippet";
import { requireOwnedSite } from "../owned-site";
import { SetupPage } from "./SetupPage";

// GET /sites/[domain]/setup — the script tag to paste, and a live check for the first pageview.
export const metadata: Metadata = { title: "Add the snippet" };

export default async function Page({ params }: { params: Promise<{ domain: string }> }) {
  const { site } = await requireOwnedSite((await params).domain);
  const snippets = buildSnippets(getAppUrl(), site.domain);
  return <SetupPage domain={site.domain} snippets={snippets} hasEvents={await hasAnyEvent(site.id)} />;
}
