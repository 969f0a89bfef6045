import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { createGoal, deleteGoal, listGoals } from "@/lib/sites/goals";
import { createSharedLink, deleteSharedLink, getSharedLink, isValidShareCookie, listSharedLinks, shareCookieValue } from "@/lib/sites/shared-links";
import { createSite, deleteSite, getOwnedSite, getOwnedSiteByDomain, listSites, renameSite, updateSiteTimezone } from "@/lib/sites/sites";

// Another user's site behaves exactly like one that does not exist: by id, by domain, and
// through goals and share links. (API keys: tests/integration/stats-api-routes.test.ts.)

const unique = () => randomBytes(4).toString("hex");

async function ownerWithSite() {
  const { userId } = await registerAccount(`owner-${unique()}@example.com`);
  const result = await createSite(userId, { domain: `site-${unique()}.example`, timezone: "Europe/Vilnius" });
  if (!result.ok) throw new Error(result.message);
  return { userId, site: result.site };
}

describe("site ownership", () => {
  it("hides a site from everyone but its owner, by id and by domain", async () => {
    const a = await ownerWithSite();
    const b = await ownerWithSite();
    expect(await getOwnedSite(a.userId, a.site.id)).toMatchObject({ domain: a.site.domain });
    expect(await getOwnedSite(b.userId, a.site.id)).toBeNull();
    expect(await getOwnedSiteByDomain(b.userId, a.site.domain)).toBeNull();
    expect((await listSites(b.userId)).map((s) => s.id)).toEqual([b.site.id]);
  });

  it("refuses changes to another user's site and leaves it untouched", async () => {
    const a = await ownerWithSite();
    const b = await ownerWithSite();
    expect(await updateSiteTimezone(b.userId, a.site.id, "America/New_York")).toBe(false);
    expect(await renameSite(b.userId, a.site.id, `taken-${unique()}.example`)).toMatchObject({ ok: false });
    expect(await deleteSite(b.userId, a.site.id)).toBe(false);
    expect(await getOwnedSite(a.userId, a.site.id)).toMatchObject({ domain: a.site.domain, timezone: "Europe/Vilnius" });
  });

  it("refuses goals on another user's site, and deleting another user's goal", async () => {
    const a = await ownerWithSite();
    const b = await ownerWithSite();
    expect(await createGoal(b.userId, a.site.id, { kind: "event", value: "Signup" })).toMatchObject({ ok: false });
    const own = await createGoal(a.userId, a.site.id, { kind: "event", value: "Signup" });
    if (!own.ok) throw new Error(own.message);
    expect(await deleteGoal(b.userId, own.goal.id)).toBe(false);
    expect((await listGoals(a.site.id)).map((g) => g.id)).toEqual([own.goal.id]);
  });

  it("a share link opens only its own site; others cannot list, create or delete links", async () => {
    const a = await ownerWithSite();
    const b = await ownerWithSite();
    expect(await createSharedLink(b.userId, a.site.id, "")).toMatchObject({ ok: false });
    const link = await createSharedLink(a.userId, a.site.id, "correct horse battery");
    if (!link.ok) throw new Error(link.message);
    expect(await listSharedLinks(b.userId, a.site.id)).toEqual([]);
    expect(await deleteSharedLink(b.userId, link.link.id)).toBe(false);

    const access = await getSharedLink(link.link.slug);
    expect(access?.site.id).toBe(a.site.id);
    expect(await getSharedLink(`${link.link.slug}x`)).toBeNull();
    // The cookie of one protected link does not open another.
    const other = await createSharedLink(b.userId, b.site.id, "another password!");
    if (!other.ok || !access?.passwordHash) throw new Error("setup failed");
    const otherAccess = await getSharedLink(other.link.slug);
    const cookieForA = shareCookieValue(access.slug, access.passwordHash);
    expect(isValidShareCookie(access.slug, access.passwordHash, cookieForA)).toBe(true);
    expect(isValidShareCookie(other.link.slug, otherAccess!.passwordHash!, cookieForA)).toBe(false);
  });
});
