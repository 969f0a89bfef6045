import { registerAccount } from "@/lib/account/register-account";
import { prisma } from "@/lib/db/prisma";
import { createGoal } from "@/lib/sites/goals";
import { createSite, getOwnedSiteByDomain, type Site } from "@/lib/sites/sites";

// An account with one site and the two demo goals, created through the app's own
// functions (so the e-mail is encrypted and the site normalised as in the product) and
// idempotent: running it again finds what the first run created.

export const DEMO_GOALS = [
  { kind: "event", value: "Signup" },
  { kind: "page", value: "/thank-you" },
] as const;

export async function ensureSiteWithOwner(input: { email: string; domain: string; timezone: string }): Promise<{ userId: string; site: Site }> {
  const { userId } = await registerAccount(input.email);
  let site = await getOwnedSiteByDomain(userId, input.domain);
  if (!site) {
    const created = await createSite(userId, { domain: input.domain, timezone: input.timezone });
    if (!created.ok) throw new Error(created.message);
    site = created.site;
  } else if (site.timezone !== input.timezone) {
    site = await prisma.site.update({ where: { id: site.id }, data: { timezone: input.timezone }, select: { id: true, domain: true, timezone: true, createdAt: true } });
  }
  for (const goal of DEMO_GOALS) {
    // "That goal already exists" on a second run is the idempotent case.
    await createGoal(userId, site.id, goal);
  }
  return { userId, site };
}
