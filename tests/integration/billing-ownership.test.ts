import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { getBillingOverview } from "@/lib/billing/billing-overview";
import { startCheckout } from "@/lib/billing/checkout";
import { confirmCheckout } from "@/lib/billing/confirm-checkout";
import { listRecentInvoices } from "@/lib/billing/invoices";
import { createPortalSession } from "@/lib/billing/portal";
import { closePool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { createSite } from "@/lib/sites/sites";
import { freePort } from "@/tests/support/free-port";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// The billing page and its actions read and act only on the signed-in account: its sites,
// its Stripe customer, its checkout sessions. Here Stripe is configured but unreachable (a
// port nothing listens on), which also shows that a Stripe failure becomes a message, never
// an error page — and that another account's customer is never even asked for.
// (Against a Stripe fake, with real sessions: billing-checkout.test.ts.)

const unique = () => randomBytes(4).toString("hex");

beforeAll(async () => {
  setStripeEnv(`http://127.0.0.1:${await freePort()}`);
});
afterAll(async () => {
  await closePrisma();
  await closePool();
});

async function accountWithSite(customerId: string | null) {
  const { userId } = await registerAccount(`own-${unique()}@example.com`);
  const site = await createSite(userId, { domain: `own-${unique()}.example`, timezone: "Etc/UTC" });
  if (!site.ok) throw new Error(site.message);
  if (customerId) await prisma.billingAccount.create({ data: { userId, stripeCustomerId: customerId, status: "active", planKey: "100k", interval: "monthly" } });
  return { userId, site: site.site };
}

describe("billing data of one account only", () => {
  it("the overview counts only the account's own sites and sees only its own subscription", async () => {
    const a = await accountWithSite(`cus_A${unique()}`);
    const b = await accountWithSite(null);
    const overviewB = await getBillingOverview(b.userId);
    expect(overviewB.usage.sites.map((s) => s.siteId)).toEqual([b.site.id]);
    expect(overviewB.status.kind).toBe("trial");
    expect(overviewB.hasCustomer).toBe(false);
    expect((await getBillingOverview(a.userId)).status).toMatchObject({ kind: "subscribed", plan: { key: "100k" } });
  });

  it("another account's customer is never used: no portal, no invoices, no checkout confirmation for an account without its own", async () => {
    await accountWithSite(`cus_A${unique()}`);
    const b = await accountWithSite(null);
    expect(await createPortalSession(b.userId)).toEqual({ ok: false, message: "There is nothing to manage yet: choose a plan first." });
    expect(await listRecentInvoices(b.userId)).toEqual({ ok: true, invoices: [] });
    expect(await confirmCheckout(b.userId, "cs_test_someone_elses")).toMatchObject({ ok: false, reason: "not-yours" });
    expect(await prisma.billingAccount.findUnique({ where: { userId: b.userId } })).toBeNull();
  });

  it("refuses a malformed session id before asking Stripe", async () => {
    const a = await accountWithSite(`cus_A${unique()}`);
    expect(await confirmCheckout(a.userId, "cus_123")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await confirmCheckout(a.userId, "cs_test_x/../../v1/customers")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("a Stripe outage is a message in the invoices section and in the actions, and stores nothing", async () => {
    const a = await accountWithSite(`cus_A${unique()}`);
    expect(await listRecentInvoices(a.userId)).toEqual({ ok: false, message: expect.stringMatching(/could not reach .*Stripe/) });
    expect(await createPortalSession(a.userId)).toEqual({ ok: false, message: expect.stringMatching(/could not reach .*Stripe/) });
    const before = await prisma.billingAccount.findUniqueOrThrow({ where: { userId: a.userId } });
    expect(await confirmCheckout(a.userId, "cs_test_abc")).toMatchObject({ ok: false, reason: "stripe-error" });
    expect(await prisma.billingAccount.findUniqueOrThrow({ where: { userId: a.userId } })).toEqual(before);

    const fresh = await accountWithSite(null);
    expect(await startCheckout(fresh.userId, "100k", "monthly")).toEqual({ ok: false, message: expect.stringMatching(/could not reach .*Stripe/) });
    expect(await prisma.billingAccount.findUnique({ where: { userId: fresh.userId } })).toBeNull();
  });

  it("an account that already has a subscription is sent to the portal instead of a second checkout", async () => {
    const a = await accountWithSite(`cus_A${unique()}`);
    expect(await startCheckout(a.userId, "200k", "yearly")).toEqual({ ok: false, message: expect.stringMatching(/already has a subscription/) });
  });
});
