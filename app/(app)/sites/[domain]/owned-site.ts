import { notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentUser, requireUser, type SessionUser } from "@/lib/auth/current-user";
import { getAccountBilling, subscriptionRequiredMessage } from "@/lib/billing/account-access";
import { setRequestAccount } from "@/lib/server/request-context";
import { getOwnedSiteByDomain, type Site } from "@/lib/sites/sites";

// The site in the URL, for its owner only. Someone else's domain and a domain that does not
// exist look exactly the same: 404.

export type OwnedSite = { user: SessionUser; site: Site };

function decodeDomain(raw: string): string {
  try {
    return decodeURIComponent(raw).trim().toLowerCase();
  } catch {
    return "";
  }
}

/** For pages and layouts: the signed-in owner's site or notFound(). One look-up per request. */
export const requireOwnedSite = cache(async (rawDomain: string): Promise<OwnedSite> => {
  const user = await requireUser();
  const site = await getOwnedSiteByDomain(user.id, decodeDomain(rawDomain));
  if (!site) notFound();
  setRequestAccount(user.id); // heavy queries take this account's turns (read-gate.ts)
  return { user, site };
});

/** For route handlers: the owner's site, or the JSON error response to send instead. */
export async function ownedSiteOrError(rawDomain: string): Promise<OwnedSite | Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "unauthorized", "Sign in to see this site.");
  const site = await getOwnedSiteByDomain(user.id, decodeDomain(rawDomain));
  if (!site) return jsonError(404, "not_found", "No such site.");
  setRequestAccount(user.id);
  return { user, site };
}

/** For route handlers that return statistics: as ownedSiteOrError, and 402 while the account is locked. */
export async function unlockedOwnedSiteOrError(rawDomain: string): Promise<OwnedSite | Response> {
  const owned = await ownedSiteOrError(rawDomain);
  if (owned instanceof Response) return owned;
  if ((await getAccountBilling(owned.user.id)).locked) return jsonError(402, "subscription_required", subscriptionRequiredMessage());
  return owned;
}

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}
