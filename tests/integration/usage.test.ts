import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// Stripe is configured (isBillingConfigured) and the client IP is the last X-Forwarded-For
// entry, so that the test's requests come from many visitors. Set before anything reads
// the environment (getEnv caches its first parse; each test file gets fresh modules).
process.env.TRUSTED_PROXY_HOPS = "1";
setStripeEnv("http://127.0.0.1:9"); // configured; Stripe itself is not called

import { registerAccount } from "@/lib/account/register-account";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { resetClock, setClock } from "@/lib/analytics/ingest/clock";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { decryptJson, encryptField } from "@/lib/crypto/field-encryption";
import { getAccountBilling } from "@/lib/billing/account-access";
import { billingBanners } from "@/lib/billing/banners";
import { monthUsage } from "@/lib/billing/usage";
import { checkUsageThresholds } from "@/lib/billing/usage-notices";
import { CHECK_EVERY_MS } from "@/lib/billing/usage-watch";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { stopJobWorkers } from "@/lib/jobs/worker";
import type { MailMessage } from "@/lib/mail/types";
import { refreshRollups } from "@/lib/server/analytics-services";
import { fixtureRows, rebuildSiteStats, type FixtureVisit } from "@/tests/support/insert-visit";
import { readStored } from "@/tests/support/stored-rows";

// Issue 8, usage: pageviews are counted per account and UTC month from the pre-aggregates;
// at 80 % and 100 % of the plan the owner gets one e-mail per month and threshold; nothing
// is dropped for being over the limit. Driven through POST /api/event and the same refresh +
// usage check that the app runs every ROLLUP_INTERVAL_SECONDS; big months are stored as real
// pageviews through the analytics store, so the test means the same on every engine.

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const VISITORS = 200;
// Ingestion and checks run on a clock of the test's own, inside one UTC month whatever the
// day the test runs; each check is a throttle period after the one before.
const START = Date.parse("2026-11-20T10:00:00Z");
const STEP = CHECK_EVERY_MS + 10_000;

let ingest: IngestionServer;
let agent: http.Agent;
let clock = START;
let sent = 0; // pageviews sent so far, also their path numbers

function post(body: string, ip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": ip };
    const req = http.request(ingest.url, { method: "POST", headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sends `count` pageviews to `domain` from VISITORS visitors, 64 requests at a time; resolves once they are all stored. */
async function sendPageviews(domain: string, count: number): Promise<void> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < count) {
        const n = sent + next++;
        const body = JSON.stringify({ n: "pageview", u: `https://${domain}/page-${n % 500}`, d: domain });
        statuses.push(await post(body, `198.51.100.${n % VISITORS}`));
      }
    }),
  );
  sent += count;
  expect(statuses.filter((status) => status !== 202)).toEqual([]);
  await drainIngestion();
}

/** The rollup refresh and usage check of the app's timer, `STEP` after the previous one. */
async function refreshAndCheck() {
  clock += STEP;
  return refreshRollups(new Date(clock));
}

/** The usage banner the app shows this account now (components/billing/BillingBanners.tsx). */
async function usageBanner(userId: string) {
  const now = new Date(clock);
  const banners = billingBanners(await getAccountBilling(userId, now), (await monthUsage(userId, now)).total);
  return banners.find((banner) => banner.kind === "usage");
}

// Only this account's mails: other test files run in other processes with other encryption keys.
async function billingMails(userId: string): Promise<{ subject: string; text: string; to: string }[]> {
  const rows = await prisma.mail.findMany({ where: { userId, kind: "billing" }, orderBy: { createdAt: "asc" }, select: { payload: true } });
  return rows.map((row) => decryptJson<MailMessage>(row.payload));
}

async function createAccount(billing: { status: string; planKey: string } | null): Promise<{ userId: string; email: string; siteId: string; domain: string }> {
  const email = `usage-${randomUUID().slice(0, 8)}@example.com`;
  const { userId } = await registerAccount(email);
  const siteId = `site-${randomUUID()}`;
  const domain = `usage-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
  if (billing) await prisma.billingAccount.create({ data: { userId, ...billing, interval: "monthly" } });
  return { userId, email, siteId, domain };
}

// Pageviews per visit: many, so that 50,000 pageviews are few visits, but not hundreds (a page
// filter's rollup rows cost the refresher the square of a visit's distinct pages).
const PAGES_PER_VISIT = 20;
let nextVisitId = 1;

/**
 * `count` pageviews within the hour from `hour` (the hour before START unless given), PAGES_PER_VISIT a
 * visit 30 s apart, bulk-loaded into the analytics store; then the site's pre-aggregates are
 * rebuilt, as the refresher would have brought them up to date.
 */
async function storePageviews(siteId: string, count: number, hour = new Date(START - 3_600_000)): Promise<void> {
  const visits: FixtureVisit[] = [];
  for (let first = 0; first < count; first += PAGES_PER_VISIT) {
    const id = nextVisitId++;
    const pages = Array.from({ length: Math.min(PAGES_PER_VISIT, count - first) }, (_, k) => ({
      path: `/page-${k}`,
      at: new Date(hour.getTime() + k * 30_000).toISOString(),
    }));
    visits.push({ id, visitor: id, pages });
  }
  await (await getAnalyticsStore()).bulkInsert(fixtureRows(siteId, visits));
  await rebuildSiteStats(siteId);
}

beforeAll(async () => {
  agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  setClock(() => clock);
  ingest = await startIngestionServer();
});

afterAll(async () => {
  resetClock();
  await drainIngestion();
  await ingest.close();
  agent.destroy();
  await stopJobWorkers(); // sendMail started the job queue
});

describe("usage on the 10k plan", () => {
  it("e-mails once at 80 % and once at 100 % of the plan, and stores all 10,001 pageviews", async () => {
    const owner = await createAccount({ status: "active", planKey: "10k" });

    await sendPageviews(owner.domain, 7_999);
    const below = await refreshAndCheck();
    expect(below.siteIds).toContain(owner.siteId);
    expect(below.usage).toEqual({ accounts: 1, sent: 0, failed: 0 });
    expect(await billingMails(owner.userId)).toEqual([]);

    await sendPageviews(owner.domain, 2); // 8,001
    const at80 = await refreshAndCheck();
    expect(at80.usage).toEqual({ accounts: 1, sent: 1, failed: 0 });
    const first = await billingMails(owner.userId);
    expect(first.map((mail) => mail.subject)).toEqual(["You have used 80 % of your MiniStat plan's pageviews"]);
    expect(first[0]).toMatchObject({ to: owner.email });
    expect(first[0]!.text).toContain("80 % of this month's 10k pageviews");
    expect(first[0]!.text).toContain("http://localhost:3000/settings/billing");
    expect(await usageBanner(owner.userId)).toMatchObject({ tone: "warning", action: "See usage and plans" });

    await sendPageviews(owner.domain, 2_000); // 10,001: over the limit, still recorded
    const at100 = await refreshAndCheck();
    expect(at100.usage).toEqual({ accounts: 1, sent: 1, failed: 0 });
    const both = await billingMails(owner.userId);
    expect(both.map((mail) => mail.subject).sort()).toEqual(["You have reached your MiniStat plan's pageviews", "You have used 80 % of your MiniStat plan's pageviews"]);

    const banner = await usageBanner(owner.userId);
    expect(banner).toMatchObject({ tone: "danger" });
    expect(banner?.message).toMatch(/100k/); // the plan that fits 10,001 pageviews with room to grow
    expect((await readStored(owner.siteId)).events.filter((event) => event.name === "pageview")).toHaveLength(10_001);
    const usage = await monthUsage(owner.userId, new Date(clock));
    expect(usage).toEqual({ month: "2026-11", total: 10_001, sites: [{ siteId: owner.siteId, domain: owner.domain, pageviews: 10_001 }] });
    expect(await prisma.usageNotice.findMany({ where: { userId: owner.userId }, select: { month: true, threshold: true }, orderBy: { threshold: "asc" } })).toEqual([
      { month: new Date("2026-11-01T00:00:00Z"), threshold: 80 },
      { month: new Date("2026-11-01T00:00:00Z"), threshold: 100 },
    ]);

    // Checking again, directly or on the next refreshes, sends nothing more.
    expect(await checkUsageThresholds(owner.userId, new Date(clock))).toMatchObject({ month: "2026-11", total: 10_001, level: 100, sent: [] });
    await sendPageviews(owner.domain, 1);
    expect((await refreshAndCheck()).usage).toEqual({ accounts: 1, sent: 0, failed: 0 });
    expect(await billingMails(owner.userId)).toHaveLength(2);
  });

  it("checks an account at most once per throttle period, however often its rollups refresh", async () => {
    const owner = await createAccount({ status: "active", planKey: "10k" });
    await sendPageviews(owner.domain, 1);
    expect((await refreshAndCheck()).usage.accounts).toBe(1);
    await sendPageviews(owner.domain, 1);
    const soon = await refreshRollups(new Date(clock + CHECK_EVERY_MS - 1));
    expect(soon.siteIds).toContain(owner.siteId);
    expect(soon.usage.accounts).toBe(0);
  });
});

describe("usage e-mails", () => {
  it("are sent exactly once per threshold when several checks run at once", async () => {
    const owner = await createAccount({ status: "past_due", planKey: "10k" });
    await storePageviews(owner.siteId, 12_000);
    const checks = await Promise.all(Array.from({ length: 8 }, () => checkUsageThresholds(owner.userId, new Date(START))));
    expect(checks.flatMap((check) => check?.sent ?? []).sort()).toEqual([100, 80]);
    expect(await billingMails(owner.userId)).toHaveLength(2);
  });

  it("start again in the next month", async () => {
    const owner = await createAccount({ status: "trialing", planKey: "10k" });
    await storePageviews(owner.siteId, 9_000);
    expect((await checkUsageThresholds(owner.userId, new Date(START)))?.sent).toEqual([80]);
    const december = new Date("2026-12-02T00:00:00Z");
    await storePageviews(owner.siteId, 8_500, december);
    expect(await checkUsageThresholds(owner.userId, december)).toMatchObject({ month: "2026-12", total: 8_500, level: 80, sent: [80] });
    expect(await billingMails(owner.userId)).toHaveLength(2);
  });

  // 50,000 pageviews in one hour: rolling up their day, page filter rows included, takes ~25 s here.
  it("are not sent to accounts without a subscribed plan (trial, canceled), however many pageviews", { timeout: 90_000 }, async () => {
    // One account's 50,000 pageviews, checked in each state without a subscribed plan in turn.
    const owner = await createAccount(null);
    await storePageviews(owner.siteId, 50_000);
    for (const billing of [null, { status: "canceled", planKey: "10k" }, { status: "incomplete", planKey: "10k" }]) {
      if (billing) await prisma.billingAccount.upsert({ where: { userId: owner.userId }, create: { userId: owner.userId, ...billing, interval: "monthly" }, update: billing });
      expect(await checkUsageThresholds(owner.userId, new Date(START))).toBeNull();
      expect(await billingMails(owner.userId)).toEqual([]);
      expect((await monthUsage(owner.userId, new Date(START))).total).toBe(50_000);
    }
  });

  it("that fail are logged without personal data and never fail the rollup refresh; the next check tries again", async () => {
    // The owner's address was written with a key no longer in ENCRYPTION_KEYS: the e-mail cannot be built.
    const userId = `user-${randomUUID()}`;
    const siteId = `site-${randomUUID()}`;
    const domain = `usage-${randomUUID().slice(0, 8)}.example`;
    await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'v99.AAAA.BBBB', $1, now())", [userId]);
    await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
    await prisma.billingAccount.create({ data: { userId, status: "active", planKey: "10k" } });
    // 9,000 pageviews earlier in the month (a day the refresh below does not recompute), one now.
    await storePageviews(siteId, 9_000, new Date("2026-11-03T08:00:00Z"));
    await sendPageviews(domain, 1);

    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const result = await refreshAndCheck();
      expect(result.siteIds).toContain(siteId);
      expect(result.usage).toMatchObject({ accounts: 1, sent: 0, failed: 1 });
      const lines = logged.mock.calls.map((call) => call.map(String).join(" "));
      expect(lines).toEqual([expect.stringContaining("[billing] usage check failed for 1 account(s)")]);
      for (const line of lines) for (const secret of [userId, siteId, domain]) expect(line).not.toContain(secret);
    } finally {
      logged.mockRestore();
    }
    expect(await prisma.usageNotice.count({ where: { userId } })).toBe(0); // the claim was given back
    expect(await prisma.mail.count({ where: { userId } })).toBe(0);

    // Once the address can be read again (the key is back, or the address re-encrypted), the next refresh sends it.
    await getPool().query("UPDATE users SET email_encrypted = $2 WHERE id = $1", [userId, encryptField(`usage-${randomUUID().slice(0, 8)}@example.com`)]);
    await sendPageviews(domain, 1);
    expect((await refreshAndCheck()).usage).toEqual({ accounts: 1, sent: 1, failed: 0 });
    expect((await billingMails(userId)).map((mail) => mail.subject)).toEqual(["You have used 80 % of your MiniStat plan's pageviews"]);
  });
});
