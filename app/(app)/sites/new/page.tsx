import type { Metadata } from "next";
import { getTimeZoneGroups } from "@/components/sites/time-zone-options";
import { requireUser } from "@/lib/auth/current-user";
import { NewSitePage } from "./NewSitePage";

// GET /sites/new — add a site: domain and reporting time zone.
export const metadata: Metadata = { title: "Add a site" };

export default async function Page() {
  await requireUser();
  return <NewSitePage timeZones={getTimeZoneGroups()} />;
}
