import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { registerAccount } from "@/lib/account/register-account";
import { checkTrafficAlerts } from "@/lib/alerts/check-traffic-alerts";
import { sendTrafficAlert, type TrafficSpike } from "@/lib/alerts/send-traffic-alert";
import { getTrafficAlert, removeTrafficAlert, saveTrafficAlert } from "@/lib/alerts/traffic-alerts";
import { getRealtimeVisitors } from "@/lib/analytics/query";
import { insertVisit } from "@/tests/support/insert-visit";
import { getAppUrl } from "@/lib/config/env";
import { decryptJson } from "@/lib/crypto/field-encryption";
import { closePool } from "@/lib/db/pool";
import { closePrisma, prisma } from "@/lib/db/prisma";
import { QUEUES, stopQueue } from "@/lib/jobs/queue";
import type { MailMessage } from "@/lib/mail/types";
import { createSite, deleteSite } from "@/lib/sites/sites";
import { setStripeEnv } from "@/tests/support/stripe-test-env";

// Traffic spike alerts: when a site's current visitors (the dashboard's realtime figure, fed
// here by visits stored as the ingestion writer stores them) exceed the owner's threshold,
// the owner gets one e-mail, at most one an hour per site — even with runs at the same time.
// Mail goes to the local outbox (no Mailjet keys), so the stored, encrypted mail is read back.
// Billing is configured (Stripe itself is never called) so that a locked account can be tested.

setStripeEnv("http://127.0.0.1:9");

const MINUTE = 60_000;
const DAY = 86_400_000;
let nextVisit = 1;

afterAll(async () => {
  await stopQueue();
  await closePrisma();
  await closePool();
});

const unique = () => randomBytes(4).toString("hex");

async function ownerWithSite(label: string) {
  const email = `${label}-${unique()}@example.com`;
  const { userId } = await registerAccount(email);
  const created = await createSite(userId, { domain: `${label}-${unique()}.example`, timezone: "Etc/UTC" });
  if (!created.ok) throw new Error(created.message);
  return { userId, email, siteId: created.site.id, domain: created.site.domain };
}

/** `count` distinct visitors with a pageview `minutesAgo` (the realtime window is the last five minutes). */
async function visitors(siteId: string, count: number, minutesAgo = 1): Promise<void> {
  const at = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  for (let i = 0; i < count; i++) {
    const id = nextVisit++;
    await insertVisit(siteId, { id, visitor: id, pages: [{ path: "/", at }] });
  }
}

async function alertMails(userId: string): Promise<Array<MailMessage & { id: string }>> {
  const rows = await prisma.mail.findMany({ where: { userId, kind: "alert" }, orderBy: { createdAt: "asc" }, select: { id: true, payload: true } });
  return rows.map((row) => ({ id: row.id, ...decryptJson<MailMessage>(row.payload) }));
}

async function alertOn(userId: string, siteId: string, threshold: number): Promise<void> {
  expect(await saveTrafficAlert(userId, siteId, threshold)).toEqual({ ok: true });
}

describe("checkTrafficAlerts", () => {
  it("e-mails the owner once when current visitors exceed the threshold, and again only after the hour", async () => {
    const owner = await ownerWithSite("spike");
    await visitors(owner.siteId, 3);
    await alertOn(owner.userId, owner.siteId, 2);
    expect(await getRealtimeVisitors(owner.siteId)).toBe(3);

    const t0 = new Date(Date.now() - 30 * 1000);
    await checkTrafficAlerts(t0);
    const [mail, ...more] = await alertMails(owner.userId);
    expect(more).toEqual([]);
    expect(mail?.to).toBe(owner.email);
    expect(mail?.subject).toBe(`Traffic spike on ${owner.domain}: 3 current visitors`);
    const dashboard = `${getAppUrl()}/sites/${owner.domain}`;
    expect(mail?.text).toContain(`3 people are on ${owner.domain} right now`);
    expect(mail?.text).toContain("more than your alert threshold of 2");
    expect(mail?.text).toContain(`Open the dashboard: ${dashboard}\n`);
    expect(mail?.text).toContain(`${dashboard}/settings#traffic-alerts`);
    expect(mail?.html).toContain(`href="${dashboard}"`);
    expect(mail?.html).toContain(`${dashboard}/settings#traffic-alerts`);
    expect((await getTrafficAlert(owner.siteId))?.lastSentAt?.toISOString()).toBe(t0.toISOString());
    // Enqueued for delivery after the commit: its job carries the mail's id only.
    const jobs = await prisma.$queryRaw<Array<{ data: unknown }>>`SELECT data FROM pgboss.job WHERE name = ${QUEUES.sendMail} AND singleton_key = ${mail?.id}`;
    expect(jobs.map((job) => job.data)).toEqual([{ mailId: mail?.id }]);

    // Still busy: nothing more within the hour, whatever the clock says inside it.
    await checkTrafficAlerts(t0);
    await checkTrafficAlerts(new Date(t0.getTime() + 59 * MINUTE));
    expect(await alertMails(owner.userId)).toHaveLength(1);

    // An hour later the site is still busy: one more.
    const t1 = new Date(t0.getTime() + 60 * MINUTE);
    await checkTrafficAlerts(t1);
    await checkTrafficAlerts(new Date(t1.getTime() + MINUTE));
    expect(await alertMails(owner.userId)).toHaveLength(2);
    expect((await getTrafficAlert(owner.siteId))?.lastSentAt?.toISOString()).toBe(t1.toISOString());
  });

  it("sends nothing at or below the threshold, and counts only visitors of the last five minutes", async () => {
    const owner = await ownerWithSite("calm");
    await visitors(owner.siteId, 2);
    await visitors(owner.siteId, 10, 20); // earlier today: not current
    await alertOn(owner.userId, owner.siteId, 2);
    expect(await getRealtimeVisitors(owner.siteId)).toBe(2);
    await checkTrafficAlerts();
    expect(await alertMails(owner.userId)).toEqual([]);
    expect((await getTrafficAlert(owner.siteId))?.lastSentAt).toBeNull(); // nothing claimed

    await visitors(owner.siteId, 1);
    await checkTrafficAlerts();
    expect((await alertMails(owner.userId)).map((m) => m.subject)).toEqual([`Traffic spike on ${owner.domain}: 3 current visitors`]);
  });

  it("sends one e-mail when several runs (app instances) check at the same moment", async () => {
    const owner = await ownerWithSite("race");
    await visitors(owner.siteId, 4);
    await alertOn(owner.userId, owner.siteId, 1);
    const now = new Date();
    await Promise.all([checkTrafficAlerts(now), checkTrafficAlerts(now), checkTrafficAlerts(new Date(now.getTime() + 1000)), checkTrafficAlerts(now)]);
    expect(await alertMails(owner.userId)).toHaveLength(1);
  });

  it("keeps the hourly limit when the owner changes the threshold, and uses the new one", async () => {
    const owner = await ownerWithSite("edit");
    await visitors(owner.siteId, 5);
    await alertOn(owner.userId, owner.siteId, 3);
    const t0 = new Date();
    await checkTrafficAlerts(t0);
    await alertOn(owner.userId, owner.siteId, 4);
    expect(await getTrafficAlert(owner.siteId)).toEqual({ threshold: 4, lastSentAt: t0 });
    await checkTrafficAlerts(new Date(t0.getTime() + 10 * MINUTE));
    expect(await alertMails(owner.userId)).toHaveLength(1);

    await alertOn(owner.userId, owner.siteId, 5); // 5 visitors do not exceed 5
    await checkTrafficAlerts(new Date(t0.getTime() + 2 * 60 * MINUTE));
    expect(await alertMails(owner.userId)).toHaveLength(1);
  });

  it("pauses while the owner's account is locked and resumes with a subscription", async () => {
    const owner = await ownerWithSite("locked");
    await prisma.user.update({ where: { id: owner.userId }, data: { createdAt: new Date(Date.now() - 60 * DAY) } });
    await visitors(owner.siteId, 3);
    await alertOn(owner.userId, owner.siteId, 1);
    await checkTrafficAlerts();
    expect(await alertMails(owner.userId)).toEqual([]);
    expect((await getTrafficAlert(owner.siteId))?.lastSentAt).toBeNull();

    await prisma.billingAccount.create({ data: { userId: owner.userId, status: "active", planKey: "10k", interval: "monthly" } });
    await checkTrafficAlerts();
    expect(await alertMails(owner.userId)).toHaveLength(1);
  });

  it("lets one owner's unreadable address fail alone, unclaimed, while the others are sent", async () => {
    const broken = await ownerWithSite("unreadable");
    const fine = await ownerWithSite("readable");
    for (const owner of [broken, fine]) {
      await visitors(owner.siteId, 2);
      await alertOn(owner.userId, owner.siteId, 1);
    }
    await prisma.user.update({ where: { id: broken.userId }, data: { emailEncrypted: "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    await checkTrafficAlerts();
    expect(await alertMails(fine.userId)).toHaveLength(1);
    expect(await alertMails(broken.userId)).toEqual([]);
    expect((await getTrafficAlert(broken.siteId))?.lastSentAt).toBeNull(); // tried again next run
  });
});

describe("the hourly claim (sendTrafficAlert)", () => {
  async function spikeOf(owner: Awaited<ReturnType<typeof ownerWithSite>>, visitorsNow: number): Promise<TrafficSpike> {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { emailEncrypted: true } });
    return { siteId: owner.siteId, userId: owner.userId, domain: owner.domain, emailEncrypted: user.emailEncrypted, visitors: visitorsNow, realtimeMinutes: 5 };
  }

  // checkTrafficAlerts skips alerts sent within the hour before it looks them up; the claim must
  // hold on its own, for runs that read the alerts before another run's commit.
  it("is taken by exactly one of several concurrent senders", async () => {
    const owner = await ownerWithSite("claim-race");
    await alertOn(owner.userId, owner.siteId, 10);
    const spike = await spikeOf(owner, 11);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 6 }, () => sendTrafficAlert(spike, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await alertMails(owner.userId)).toHaveLength(1);
  });

  it("is refused within the hour of the last alert, and when the figure no longer exceeds the threshold", async () => {
    const owner = await ownerWithSite("claim-hour");
    await alertOn(owner.userId, owner.siteId, 10);
    const spike = await spikeOf(owner, 11);
    const t0 = new Date();
    expect(await sendTrafficAlert(spike, t0)).toBe(true);
    expect(await sendTrafficAlert(spike, new Date(t0.getTime() + 60 * MINUTE - 1))).toBe(false);
    await alertOn(owner.userId, owner.siteId, 11); // raised meanwhile: 11 does not exceed 11
    expect(await sendTrafficAlert(spike, new Date(t0.getTime() + 60 * MINUTE))).toBe(false);
    expect(await sendTrafficAlert({ ...spike, visitors: 12 }, new Date(t0.getTime() + 60 * MINUTE))).toBe(true);
    expect((await alertMails(owner.userId)).map((m) => m.subject)).toEqual([
      `Traffic spike on ${owner.domain}: 11 current visitors`,
      `Traffic spike on ${owner.domain}: 12 current visitors`,
    ]);
    expect((await alertMails(owner.userId))[1]?.text).toContain("threshold of 11");
  });
});

describe("saving and removing an alert", () => {
  it("is off by default, on with a threshold, off again when removed", async () => {
    const owner = await ownerWithSite("toggle");
    expect(await getTrafficAlert(owner.siteId)).toBeNull();
    await alertOn(owner.userId, owner.siteId, 250);
    expect(await getTrafficAlert(owner.siteId)).toEqual({ threshold: 250, lastSentAt: null });
    expect(await removeTrafficAlert(owner.userId, owner.siteId)).toBe(true);
    expect(await getTrafficAlert(owner.siteId)).toBeNull();
    expect(await removeTrafficAlert(owner.userId, owner.siteId)).toBe(true); // already off: done
  });

  it("refuses a threshold out of range without storing anything", async () => {
    const owner = await ownerWithSite("range");
    expect(await saveTrafficAlert(owner.userId, owner.siteId, 0)).toEqual({ ok: false, message: "The threshold is at least 1 visitor." });
    expect(await saveTrafficAlert(owner.userId, owner.siteId, 2.5)).toEqual({ ok: false, message: "Enter a whole number of visitors, like 100." });
    expect(await getTrafficAlert(owner.siteId)).toBeNull();
  });

  it("cannot configure or turn off another user's site", async () => {
    const owner = await ownerWithSite("victim");
    const other = await ownerWithSite("intruder");
    expect(await saveTrafficAlert(other.userId, owner.siteId, 1)).toEqual({ ok: false, message: "That site no longer exists in your account." });
    expect(await getTrafficAlert(owner.siteId)).toBeNull();

    await alertOn(owner.userId, owner.siteId, 50);
    expect(await saveTrafficAlert(other.userId, owner.siteId, 1)).toMatchObject({ ok: false });
    expect(await removeTrafficAlert(other.userId, owner.siteId)).toBe(false);
    expect(await getTrafficAlert(owner.siteId)).toEqual({ threshold: 50, lastSentAt: null });
    expect(await saveTrafficAlert(owner.userId, "no-such-site", 5)).toMatchObject({ ok: false });
  });

  it("goes with the site when the site is deleted", async () => {
    const owner = await ownerWithSite("deleted");
    await alertOn(owner.userId, owner.siteId, 10);
    expect(await deleteSite(owner.userId, owner.siteId)).toBe(true);
    expect(await prisma.trafficAlert.count({ where: { siteId: owner.siteId } })).toBe(0);
  });
});
