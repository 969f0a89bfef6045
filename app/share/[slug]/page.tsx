import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardUnavailable } from "@/components/billing/DashboardUnavailable";
import { buildView, type RawSearchParams } from "@/components/dashboard/build-view";
import { createDashboardData } from "@/components/dashboard/dashboard-data";
import { InvalidView } from "@/components/dashboard/InvalidView";
import { SiteDashboard } from "@/components/dashboard/SiteDashboard";
import { listGoals } from "@/lib/sites/goals";
import { SharePasswordForm } from "./SharePasswordForm";
import { getShareAccess } from "./share-access";

// GET /share/[slug] — a read-only dashboard for anyone with the link (password first if set;
// "unavailable" while the owner's account is locked).
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await getShareAccess((await params).slug);
  if (access?.accountLocked) return { title: "Dashboard unavailable" };
  return { title: access ? `${access.link.site.domain} · shared statistics` : "Shared statistics" };
}

export default async function Page({ params, searchParams }: Props) {
  const access = await getShareAccess((await params).slug);
  if (!access) notFound();
  if (access.accountLocked) return <DashboardUnavailable />;
  const { link, unlocked } = access;
  if (!unlocked) return <SharePasswordForm slug={link.slug} domain={link.site.domain} />;
  const basePath = `/share/${link.slug}`;
  const built = buildView(link.site, await searchParams);
  if (!built.ok) return <InvalidView message={built.message} resetHref={basePath} />;
  const goals = await listGoals(link.site.id);
  const ctx = { site: link.site, view: built.view, query: built.query, goals, basePath, mode: "shared" as const, data: createDashboardData(built.query, goals) };
  return <SiteDashboard ctx={ctx} domains={null} />;
}
