import type { Metadata } from "next";
import { getTimeZoneGroups } from "@/components/sites/time-zone-options";
import { getAppUrl } from "@/lib/config/env";
import { listGoals } from "@/lib/sites/goals";
import { listSharedLinks } from "@/lib/sites/shared-links";
import { requireOwnedSite } from "../owned-site";
import { SiteSettingsPage } from "./SiteSettingsPage";

// GET /sites/[domain]/settings — time zone, goals, shared links, deletion (owner only).
export const metadata: Metadata = { title: "Site settings" };

export default async function Page({ params }: { params: Promise<{ domain: string }> }) {
  const { user, site } = await requireOwnedSite((await params).domain);
  const [goals, links] = await Promise.all([listGoals(site.id), listSharedLinks(user.id, site.id)]);
  return <SiteSettingsPage site={site} goals={goals} links={links} timeZones={getTimeZoneGroups()} appUrl={getAppUrl()} />;
}
