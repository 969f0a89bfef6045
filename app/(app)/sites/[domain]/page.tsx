import type { Metadata } from "next";
import { LockedDashboard } from "@/components/billing/LockedDashboard";
import { buildView, type RawSearchParams } from "@/components/dashboard/build-view";
import { createDashboardData } from "@/components/dashboard/dashboard-data";
import { InvalidView } from "@/components/dashboard/InvalidView";
import { SiteDashboard } from "@/components/dashboard/SiteDashboard";
import { getAccountBilling } from "@/lib/billing/account-access";
import { listGoals } from "@/lib/sites/goals";
import { listSites } from "@/lib/sites/sites";
import { requireOwnedSite } from "./owned-site";

// GET /sites/[domain]?period=…&from=…&to=…&<filters> — the site's dashboard (owner only; an
// upgrade prompt instead while the account is locked).
type Props = { params: Promise<{ domain: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site } = await requireOwnedSite((await params).domain);
  return { title: site.domain };
}

export default async function Page({ params, searchParams }: Props) {
  const { user, site } = await requireOwnedSite((await params).domain);
  // A locked account sees an upgrade prompt instead of its statistics (its sites keep recording).
  const billing = await getAccountBilling(user.id);
  if (billing.kind === "locked") return <LockedDashboard domain={site.domain} lockedAt={billing.lockedAt} />;
  const basePath = `/sites/${encodeURIComponent(site.domain)}`;
  const built = buildView(site, await searchParams);
  if (!built.ok) return <InvalidView message={built.message} resetHref={basePath} />;
  // The goals are awaited: a filtered view's goal conversions must be asked for in the same
  // tick as the other panels to share their scan (scan-batcher.ts). The site list is not: the
  // switcher reads it only when opened.
  const domains = listSites(user.id).then((sites) => sites.map((s) => s.domain));
  const goals = await listGoals(site.id);
  const ctx = { site, view: built.view, query: built.query, goals, basePath, mode: "owner" as const, data: createDashboardData(built.query, goals) };
  return <SiteDashboard ctx={ctx} domains={domains} />;
}
