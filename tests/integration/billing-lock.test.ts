import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedSiteOrError } from "@/app/share/[slug]/share-access";
import { GET as aggregate } from "@/app/api/v1/stats/aggregate/route";
import { GET as breakdown } from "@/app/api/v1/stats/breakdown/route";
import { GET as timeseries } from "@/app/api/v1/stats/timeseries/route";
import { registerAccount } from "@/lib/account/register-account";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { getAccountBilling, isSiteLocked } from "@/lib/billing/account-access";
import { GRACE_DAYS, type StoredBilling } from "@/lib/billing/billing-status";
import { TRIAL_DAYS } from "@/lib/billing/plans";
import { closePool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { createSharedLink } from "@/lib/sites/shared-links";
import { createSite } from "@/lib/sites/sites";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// The lock, with Stripe configured: trial → grace → locked from the stored account and a fixed
// clock; a locked account's Stats API answers 402 with the billing URL, its share links say
// only "unavailable"; every other state reads as before. Stripe itself is never called here
// (the API URL is a closed port).

const DAY = 86_400_000;
const unique = () => randomBytes(4).toString("hex");

beforeAll(() => {
  setStripeEnv("http://127.0.0.1:9"); // the discard port: nothing answers there
  process.env.APP_URL = "https://ministat.test";
});
afterAll(async () => {
  await closePrisma();
  await closePool();
});

async function account(createdAt: Date, billing?: Partial<StoredBilling>) {
  const { userId } = await registerAccount(`lock-${unique()}@example.com`);
  await prisma.user.update({ where: { id: userId }, data: { createdAt } });
  if (billing) await prisma.billingAccount.create({ data: { userId, ...billing } });
  const site = await createSite(userId, { domain: `lock-${unique()}.example`, timezone: "Etc/UTC" });
  if (!site.ok) throw new Error(site.message);
  return { userId, site: site.site };
}

describe("getAccountBilling", () => {
  const created = new Date("2026-09-01T10:00:00Z");
  const at = (days: number) => new Date(created.getTime() + days * DAY);

  it("runs the trial from registration, then the grace period, then locks", async () => {
    const { userId } = await account(created);
    expect(await getAccountBilling(userId, at(1))).toMatchObject({ kind: "trial", locked: false, daysLeft: TRIAL_DAYS - 1 });
    expect(await getAccountBilling(userId, at(TRIAL_DAYS + 1))).toMatchObject({ kind: "grace", locked: false, locksAt: at(TRIAL_DAYS + GRACE_DAYS) });
    expect(await getAccountBilling(userId, at(TRIAL_DAYS + GRACE_DAYS))).toMatchObject({ kind: "locked", locked: true, lockedAt: at(TRIAL_DAYS + GRACE_DAYS) });
  });

  it("keeps a subscribed account open long after its trial, past_due included", async () => {
    const active = await account(created, { status: "active", planKey: "100k", interval: "monthly", amountCents: 1900, currency: "eur", currentPeriodEnd: at(400) });
    expect(await getAccountBilling(active.userId, at(365))).toMatchObject({ kind: "subscribed", status: "active", plan: { key: "100k" }, renewsAt: at(400) });
    const pastDue = await account(created, { status: "past_due", planKey: "10k", interval: "yearly" });
    expect((await getAccountBilling(pastDue.userId, at(365))).locked).toBe(false);
  });

  it("locks an ended subscription GRACE_DAYS after it ended", async () => {
    const { userId } = await account(created, { status: "canceled", endedAt: at(100) });
    expect(await getAccountBilling(userId, at(100 + GRACE_DAYS - 0.5))).toMatchObject({ kind: "grace", reason: "subscription-ended" });
    expect(await getAccountBilling(userId, at(100 + GRACE_DAYS))).toMatchObject({ kind: "locked", reason: "subscription-ended" });
  });

  it("locks each account on its own: another account's subscription unlocks nothing", async () => {
    const lockedOne = await account(new Date(Date.now() - 60 * DAY));
    await account(new Date(Date.now() - 60 * DAY), { status: "active", planKey: "1m", interval: "monthly" });
    expect((await getAccountBilling(lockedOne.userId)).locked).toBe(true);
    expect(await isSiteLocked(lockedOne.site.id)).toBe(true);
  });
});

describe("a locked account's statistics", () => {
  const call = async (handler: (r: Request) => Promise<Response>, key: string, query: string) => {
    const response = await handler(new Request(`http://localhost/api/v1/stats/x?${query}`, { headers: { authorization: `Bearer ${key}` } }));
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  };

  it("Stats API: 402 subscription required with the billing URL when locked, 200 in the trial, the grace period and with a subscription", async () => {
    const longAgo = new Date(Date.now() - 90 * DAY);
    const locked = await account(longAgo);
    const trial = await account(new Date());
    const grace = await account(new Date(Date.now() - (TRIAL_DAYS + 2) * DAY));
    const subscribed = await account(longAgo, { status: "active", planKey: "100k", interval: "monthly", currentPeriodEnd: new Date(Date.now() + 20 * DAY) });

    const lockedKey = (await createApiKey(locked.userId, "locked")).key;
    for (const handler of [aggregate, timeseries, breakdown]) {
      const answer = await call(handler, lockedKey, `site_id=${locked.site.domain}&period=7d&property=page`);
      expect(answer.status).toBe(402);
      expect(answer.body.error?.code).toBe("subscription_required");
      expect(answer.body.error?.message).toMatch(/Subscription required/);
      expect(answer.body.error?.message).toContain("https://ministat.test/settings/billing");
    }
    for (const open of [trial, grace, subscribed]) {
      const key = (await createApiKey(open.userId, "open")).key;
      const answer = await call(aggregate, key, `site_id=${open.site.domain}&period=7d`);
      expect(answer.status).toBe(200);
    }
  });

  it("a share link of a locked account answers 'unavailable' with no account or site details; an open account's link reads", async () => {
    const locked = await account(new Date(Date.now() - 90 * DAY));
    const link = await createSharedLink(locked.userId, locked.site.id, "");
    if (!link.ok) throw new Error(link.message);
    const refused = await sharedSiteOrError(link.link.slug);
    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(JSON.parse(text)).toEqual({ error: { code: "unavailable", message: "This dashboard is unavailable." } });
    expect(text).not.toContain(locked.site.domain);

    const open = await account(new Date());
    const openLink = await createSharedLink(open.userId, open.site.id, "");
    if (!openLink.ok) throw new Error(openLink.message);
    expect(await sharedSiteOrError(openLink.link.slug)).toMatchObject({ id: open.site.id, domain: open.site.domain });
  });
});
