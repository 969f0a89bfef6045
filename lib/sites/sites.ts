import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { Prisma, prisma } from "@/lib/db/prisma";
import { deleteSiteReportSubscriptions } from "@/lib/reports/delete-subscriptions";

// Sites and who may touch them. Every read and write filters by the owner, so a guessed id
// or domain of someone else's site behaves exactly like one that does not exist.

export type Site = { id: string; domain: string; timezone: string; createdAt: Date };

const siteFields = { id: true, domain: true, timezone: true, createdAt: true } as const;

export type CreateSiteResult = { ok: true; site: Site } | { ok: false; message: string };

export async function createSite(userId: string, input: { domain: string; timezone: string }): Promise<CreateSiteResult> {
  try {
    const site = await prisma.site.create({ data: { userId, domain: input.domain, timezone: input.timezone }, select: siteFields });
    return { ok: true, site };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, message: `${input.domain} is already registered with MiniStat. If it is yours, contact support.` };
    }
    throw error;
  }
}

export function listSites(userId: string): Promise<Site[]> {
  return prisma.site.findMany({ where: { userId }, select: siteFields, orderBy: { domain: "asc" } });
}

/** The site with this domain if the user owns it, else null (whether or not it exists). */
export function getOwnedSiteByDomain(userId: string, domain: string): Promise<Site | null> {
  return prisma.site.findFirst({ where: { userId, domain }, select: siteFields });
}

export function getOwnedSite(userId: string, siteId: string): Promise<Site | null> {
  return prisma.site.findFirst({ where: { userId, id: siteId }, select: siteFields });
}

/** Moves the site to another domain (the tracker's data-domain must change with it). */
export async function renameSite(userId: string, siteId: string, domain: string): Promise<CreateSiteResult> {
  try {
    const { count } = await prisma.site.updateMany({ where: { id: siteId, userId }, data: { domain } });
    const site = count === 1 ? await getOwnedSite(userId, siteId) : null;
    return site ? { ok: true, site } : { ok: false, message: "That site no longer exists in your account." };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, message: `${domain} is already registered with MiniStat.` };
    }
    throw error;
  }
}

export async function updateSiteTimezone(userId: string, siteId: string, timezone: string): Promise<boolean> {
  const { count } = await prisma.site.updateMany({ where: { id: siteId, userId }, data: { timezone } });
  return count === 1;
}

/**
 * Deletes the site with its events, visits, rollups (analytics store), salts, goals and share links (cascade), and
 * its report subscriptions with their e-mails (which hang off the owner, not the site).
 */
export async function deleteSite(userId: string, siteId: string): Promise<boolean> {
  const deleted = await prisma.$transaction(async (tx) => {
    await deleteSiteReportSubscriptions(tx, userId, siteId);
    const { count } = await tx.site.deleteMany({ where: { id: siteId, userId } });
    return count === 1;
  }, { timeout: 120_000 }); // the cascade over a large site's events takes longer than the 5 s default
  // Its events and visits, wherever the analytics engine keeps them (on Postgres the cascade did it).
  if (deleted) await (await getAnalyticsStore()).deleteSites([siteId]);
  return deleted;
}
