import { cookies } from "next/headers";
import { cache } from "react";
import { isSiteLocked } from "@/lib/billing/account-access";
import { getSharedLink, isValidShareCookie, shareCookieName, type SharedLinkAccess } from "@/lib/sites/shared-links";

// Who may see a shared dashboard: anyone with an open link; with a protected link, a browser
// holding the cookie set when the password was entered (an HMAC over the slug and the current
// password hash, so it dies with the link or a password change). A link of a locked account
// (no plan after the grace period) shows nothing but "unavailable", before any password.

export type ShareAccess = { link: SharedLinkAccess; unlocked: boolean; accountLocked: boolean };

export const getShareAccess = cache(async (slug: string): Promise<ShareAccess | null> => {
  const link = await getSharedLink(slug);
  if (!link) return null;
  const accountLocked = await isSiteLocked(link.site.id);
  if (!link.passwordHash) return { link, unlocked: true, accountLocked };
  const cookie = (await cookies()).get(shareCookieName(link.slug))?.value;
  return { link, unlocked: isValidShareCookie(link.slug, link.passwordHash, cookie), accountLocked };
});

/** For the share page's route handlers: the unlocked link's site, or the JSON error to send. */
export async function sharedSiteOrError(slug: string): Promise<SharedLinkAccess["site"] | Response> {
  const access = await getShareAccess(slug);
  if (!access) return Response.json({ error: { code: "not_found", message: "No such shared link." } }, { status: 404 });
  if (access.accountLocked) return Response.json({ error: { code: "unavailable", message: "This dashboard is unavailable." } }, { status: 403 });
  if (!access.unlocked) return Response.json({ error: { code: "forbidden", message: "Enter the link's password first." } }, { status: 403 });
  return access.link.site;
}
