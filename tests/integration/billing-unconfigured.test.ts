import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedSiteOrError } from "@/app/share/[slug]/share-access";
import { GET as aggregate } from "@/app/api/v1/stats/aggregate/route";
import { registerAccount } from "@/lib/account/register-account";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { getAccountBilling, isSiteLocked } from "@/lib/billing/account-access";
import { startCheckout } from "@/lib/billing/checkout";
import { confirmCheckout } from "@/lib/billing/confirm-checkout";
import { createPortalSession } from "@/lib/billing/portal";
import { closePool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { createSharedLink } from "@/lib/sites/shared-links";
import { createSite } from "@/lib/sites/sites";

// Without Stripe keys MiniStat runs as before billing existed: nobody is in a trial, nobody is
// locked however old the account, and the billing actions refuse politely without touching
// the database.

beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});
afterAll(async () => {
  await closePrisma();
  await closePool();
});

describe("billing without Stripe keys", () => {
  it("never locks: a two-year-old account without a plan reads its Stats API and share links", async () => {
    const { userId } = await registerAccount(`unconfigured-${randomBytes(4).toString("hex")}@example.com`);
    await prisma.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - 730 * 86_400_000) } });
    const site = await createSite(userId, { domain: `unconfigured-${randomBytes(4).toString("hex")}.example`, timezone: "Etc/UTC" });
    if (!site.ok) throw new Error(site.message);

    expect(await getAccountBilling(userId)).toEqual({ kind: "unconfigured", locked: false });
    expect(await isSiteLocked(site.site.id)).toBe(false);
    const key = (await createApiKey(userId, "k")).key;
    const response = await aggregate(new Request(`http://localhost/api/v1/stats/aggregate?site_id=${site.site.domain}&period=7d`, { headers: { authorization: `Bearer ${key}` } }));
    expect(response.status).toBe(200);
    const link = await createSharedLink(userId, site.site.id, "");
    if (!link.ok) throw new Error(link.message);
    expect(await sharedSiteOrError(link.link.slug)).toMatchObject({ id: site.site.id });

    expect(await startCheckout(userId, "100k", "monthly")).toEqual({ ok: false, message: "Billing is not configured on this server." });
    expect(await createPortalSession(userId)).toEqual({ ok: false, message: "Billing is not configured on this server." });
    expect(await confirmCheckout(userId, "cs_test_anything")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await prisma.billingAccount.findUnique({ where: { userId } })).toBeNull();
  });
});
