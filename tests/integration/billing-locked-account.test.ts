import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as aggregate } from "@/app/api/v1/stats/aggregate/route";
import { registerAccount } from "@/lib/account/register-account";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { getAccountBilling, isSiteLocked } from "@/lib/billing/account-access";
import { getStripe } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db/prisma";
import { createSite } from "@/lib/sites/sites";
import type { FakeStripe } from "@/tests/fakes/fake-stripe";
import { freePort } from "@/tests/support/free-port";
import { countStored } from "@/tests/support/stored-rows";
import { checkout, startStripeRig, type StripeRig } from "@/tests/support/stripe-flows";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// Issue 8's acceptance for a locked account: the Stats API answers 402 while POST /api/event
// still answers 202 and stores every event; subscribing (Checkout → signed webhooks) unlocks
// the statistics at once, with nothing of the locked period missing.

const stripePort = await freePort();
setStripeEnv(`http://127.0.0.1:${stripePort}`);

const DAY = 86_400_000;
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

let fake: FakeStripe;
let rig: StripeRig;
let ingest: IngestionServer;

beforeAll(async () => {
  rig = await startStripeRig(stripePort);
  fake = rig.fake;
  ingest = await startIngestionServer();
});

afterAll(async () => {
  await drainIngestion();
  await ingest?.close();
  await rig?.close();
});

async function pageview(domain: string, path: string): Promise<number> {
  const response = await fetch(ingest.url, {
    method: "POST",
    headers: { "content-type": "text/plain", "user-agent": CHROME },
    body: JSON.stringify({ n: "pageview", u: `https://${domain}${path}`, d: domain }),
  });
  return response.status;
}

async function statsStatus(key: string, domain: string): Promise<{ status: number; code?: string }> {
  const response = await aggregate(new Request(`http://localhost/api/v1/stats/aggregate?site_id=${domain}&period=7d`, { headers: { authorization: `Bearer ${key}` } }));
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code };
}

describe("a locked account", () => {
  it("keeps recording events, answers 402 to the Stats API, and opens again once it subscribes", async () => {
    // Registered 40 days ago: the 30-day trial and the 7 days of grace are over.
    const { userId } = await registerAccount(`locked-${randomBytes(4).toString("hex")}@example.com`);
    await prisma.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - 40 * DAY) } });
    const created = await createSite(userId, { domain: `locked-${randomBytes(4).toString("hex")}.example`, timezone: "Etc/UTC" });
    if (!created.ok) throw new Error(created.message);
    const { site } = created;
    const key = (await createApiKey(userId, "locked test")).key;
    expect(await getAccountBilling(userId)).toMatchObject({ kind: "locked", locked: true });
    expect(await isSiteLocked(site.id)).toBe(true);

    for (const path of ["/a", "/b", "/c"]) expect(await pageview(site.domain, path)).toBe(202);
    await drainIngestion();
    expect(await countStored(site.id)).toBe(3);
    expect(await statsStatus(key, site.domain)).toEqual({ status: 402, code: "subscription_required" });

    const customer = await getStripe().customers.create({ metadata: { account_id: userId } });
    await prisma.billingAccount.create({ data: { userId, stripeCustomerId: customer.id } });
    await checkout(fake, { userId, customerId: customer.id });

    expect(await getAccountBilling(userId)).toMatchObject({ kind: "subscribed", status: "active", locked: false });
    expect(await isSiteLocked(site.id)).toBe(false);
    expect((await statsStatus(key, site.domain)).status).toBe(200);
    expect(await countStored(site.id)).toBe(3);
  });
});
