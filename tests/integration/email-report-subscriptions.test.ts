import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as confirmGet, POST as confirmPost } from "@/app/reports/confirm/[token]/route";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptJson } from "@/lib/crypto/field-encryption";
import { closePool, getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { QUEUES, stopQueue } from "@/lib/jobs/queue";
import type { MailMessage } from "@/lib/mail/types";
import { requeueStrandedMails, storeMail } from "@/lib/mail/send-mail";
import { CONFIRM_DAYS, confirmReportSubscription, deleteExpiredConfirmations } from "@/lib/reports/confirmation";
import { requestReportRun } from "@/lib/reports/schedule";
import { sendDueReports } from "@/lib/reports/send-reports";
import { addReportRecipient, listReportSubscriptions, MAX_SUBSCRIPTIONS_PER_SITE, removeReportSubscription, setOwnReport } from "@/lib/reports/subscriptions";

// Managing who receives a site's reports: only the site's owner can, their own address needs
// no confirmation, anyone else gets one link (not a stream of them), which expires; addresses
// are stored encrypted. Mail goes to the local outbox here (no Mailjet keys).

process.env.REPORTS_INTERVAL_SECONDS = "86400"; // the longest interval allowed: slots of 12 hours (pg-boss's limit)

const tag = randomBytes(4).toString("hex");
const owner = { id: "", email: `owner-subs-${tag}@example.com` };
const stranger = { id: "", email: `stranger-subs-${tag}@example.com` };
let siteId = "";
const DOMAIN = `subs-${tag}.example`;
const address = (label: string) => `${label}-${tag}@example.com`;

/** The confirmation link in the newest mail to `to`. */
async function confirmToken(to: string): Promise<string> {
  const mails = await prisma.mail.findMany({ where: { recipientIndex: emailBlindIndex(to) }, orderBy: { createdAt: "desc" } });
  const text = mails[0] ? decryptJson<MailMessage>(mails[0].payload).text : "";
  const token = /\/reports\/confirm\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no confirmation link in the mail to ${to}`);
  return token;
}

const confirmRoute = (handler: typeof confirmGet, token: string) =>
  handler(new Request(`http://localhost/reports/confirm/${token}`, { method: handler === confirmPost ? "POST" : "GET" }), { params: Promise.resolve({ token }) });

beforeAll(async () => {
  const site = await createSyntheticSite(getPool(), { domain: DOMAIN, timezone: "Europe/Berlin" });
  siteId = site.siteId;
  owner.id = site.userId;
  stranger.id = (await createSyntheticSite(getPool(), { domain: `stranger-${tag}.example`, timezone: "Etc/UTC" })).userId;
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: [owner.id, stranger.id] } } });
  await stopQueue();
  await closePool();
});

describe("report subscriptions", () => {
  it("subscribe the owner's own address at once, with no e-mail", async () => {
    expect(await setOwnReport(owner, siteId, "weekly", true)).toEqual({ ok: true, message: `You will receive the weekly report for ${DOMAIN}.` });
    expect(await addReportRecipient(owner, siteId, owner.email.toUpperCase(), "monthly"), "typed in as a recipient").toMatchObject({ ok: true });
    const list = await listReportSubscriptions(owner, siteId);
    expect(list?.map((s) => [s.email, s.frequency, s.isOwner, s.confirmed])).toEqual([
      [owner.email, "weekly", true, true],
      [owner.email, "monthly", true, true],
    ]);
    expect(await prisma.mail.count({ where: { recipientIndex: emailBlindIndex(owner.email) } })).toBe(0);
    expect(await setOwnReport(owner, siteId, "monthly", false)).toMatchObject({ ok: true });
    expect((await listReportSubscriptions(owner, siteId))?.map((s) => s.frequency)).toEqual(["weekly"]);
  });

  it("store addresses encrypted, found by the blind index", async () => {
    const colleague = address("stored");
    expect(await addReportRecipient(owner, siteId, ` ${colleague.toUpperCase()} `, "weekly")).toMatchObject({ ok: true });
    const { rows } = await getPool().query<{ email_encrypted: string; email_index: string }>(
      "SELECT email_encrypted, email_index FROM report_subscriptions WHERE site_id = $1 AND email_index = $2",
      [siteId, emailBlindIndex(colleague)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.email_encrypted).not.toContain(colleague.split("@")[0]);
    expect((await listReportSubscriptions(owner, siteId))?.find((s) => s.email === colleague)).toMatchObject({ confirmed: false, isOwner: false });
  });

  it("are not reachable by anyone but the site's owner", async () => {
    expect(await listReportSubscriptions(stranger, siteId)).toBeNull();
    expect(await setOwnReport(stranger, siteId, "weekly", true)).toEqual({ ok: false, message: "That site no longer exists in your account." });
    expect(await addReportRecipient(stranger, siteId, address("via-stranger"), "weekly")).toEqual({ ok: false, message: "That site no longer exists in your account." });
    const own = (await listReportSubscriptions(owner, siteId))!.find((s) => s.isOwner)!;
    expect(await removeReportSubscription(stranger.id, own.id)).toBe(false);
    expect(await prisma.reportSubscription.count({ where: { id: own.id } })).toBe(1);
    expect(await prisma.reportSubscription.count({ where: { siteId, emailIndex: emailBlindIndex(address("via-stranger")) } })).toBe(0);
    expect(await removeReportSubscription(owner.id, own.id)).toBe(true);
    expect(await removeReportSubscription(owner.id, own.id)).toBe(false);
  });

  it("send a pending address its link again only after an hour, and only the newest link works", async () => {
    const colleague = address("resend");
    const sentAt = new Date();
    expect(await addReportRecipient(owner, siteId, colleague, "monthly", sentAt)).toMatchObject({ ok: true });
    const first = await confirmToken(colleague);
    const soon = await addReportRecipient(owner, siteId, colleague, "monthly", new Date(sentAt.getTime() + 10 * 60_000));
    expect(soon).toEqual({ ok: false, message: `A confirmation link went to ${colleague} less than an hour ago. It is valid for ${CONFIRM_DAYS} days.` });
    expect(await prisma.mail.count({ where: { recipientIndex: emailBlindIndex(colleague) } })).toBe(1);

    expect(await addReportRecipient(owner, siteId, colleague, "monthly", new Date(sentAt.getTime() + 61 * 60_000))).toMatchObject({ ok: true });
    const second = await confirmToken(colleague);
    expect(second).not.toBe(first);
    expect((await confirmRoute(confirmPost, first)).status, "the replaced link").toBe(404);
    expect((await confirmRoute(confirmPost, second)).status).toBe(200);
    expect(await addReportRecipient(owner, siteId, colleague, "monthly")).toEqual({ ok: false, message: `${colleague} already receives the monthly report.` });
  });

  it("expire a confirmation link after a week: the page says so, and the address is deleted", async () => {
    const late = address("late");
    const never = address("never");
    const weekAgo = new Date(Date.now() - (CONFIRM_DAYS * 24 + 1) * 3_600_000);
    expect(await addReportRecipient(owner, siteId, late, "weekly", weekAgo)).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, never, "weekly", weekAgo)).toMatchObject({ ok: true });
    const token = await confirmToken(late);

    const page = await confirmRoute(confirmGet, token);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This confirmation link has expired");
    expect(await prisma.reportSubscription.count({ where: { siteId, emailIndex: emailBlindIndex(late) } }), "GET changed nothing").toBe(1);
    expect((await confirmRoute(confirmPost, token)).status).toBe(410);
    expect(await prisma.reportSubscription.count({ where: { siteId, emailIndex: emailBlindIndex(late) } })).toBe(0);

    expect(await deleteExpiredConfirmations()).toBeGreaterThanOrEqual(1);
    expect(await prisma.reportSubscription.count({ where: { siteId, emailIndex: emailBlindIndex(never) } })).toBe(0);
    expect(await prisma.reportSubscription.count({ where: { siteId, confirmedAt: { not: null } } }), "confirmed ones stay").toBeGreaterThan(0);
  });

  it(`allow at most ${MAX_SUBSCRIPTIONS_PER_SITE} addresses per site`, async () => {
    const existing = await prisma.reportSubscription.count({ where: { siteId } });
    for (let i = existing; i < MAX_SUBSCRIPTIONS_PER_SITE; i++) {
      expect(await addReportRecipient(owner, siteId, address(`many-${i}`), "weekly")).toMatchObject({ ok: true });
    }
    expect(await addReportRecipient(owner, siteId, address("one-too-many"), "weekly")).toEqual({
      ok: false,
      message: `A site can have at most ${MAX_SUBSCRIPTIONS_PER_SITE} report recipients. Remove one first.`,
    });
  });
});

describe("the report schedule", () => {
  // Other files queue passes of their own (without the schedule's singleton key).
  it("queues one report pass per interval however many instances ask", async () => {
    await requestReportRun();
    await Promise.all([requestReportRun(), requestReportRun(), requestReportRun()]);
    try {
      const { rows } = await getPool().query<{ data: { at: string } }>("SELECT data FROM pgboss.job WHERE name = $1 AND singleton_key = $2", [QUEUES.sendReports, "report-pass"]);
      expect(rows).toHaveLength(1);
      expect(Date.parse(rows[0]!.data.at)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      // No worker runs here; a pass left queued would run at the real time in the next file that starts workers.
      await getPool().query("DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = $2", [QUEUES.sendReports, "report-pass"]);
    }
  });
});

describe("a report pass", () => {
  it("that died half-way: the next pass sends the rest, and the stranded-mail sweep queues the one it stored", async () => {
    const site = await createSyntheticSite(getPool(), { domain: `halfway-${tag}.example`, timezone: "Europe/Berlin" });
    const halfOwner = { id: site.userId, email: address("halfway-owner") };
    const colleague = address("halfway-colleague");
    try {
      await setOwnReport(halfOwner, site.siteId, "weekly", true, new Date("2026-05-01T00:00:00Z"));
      await addReportRecipient(halfOwner, site.siteId, colleague, "weekly");
      expect(await confirmReportSubscription(await confirmToken(colleague), new Date("2026-05-01T00:00:00Z"))).toMatchObject({ ok: true });
      const [own, other] = await Promise.all([
        prisma.reportSubscription.findFirstOrThrow({ where: { siteId: site.siteId, emailIndex: emailBlindIndex(halfOwner.email) } }),
        prisma.reportSubscription.findFirstOrThrow({ where: { siteId: site.siteId, emailIndex: emailBlindIndex(colleague) } }),
      ]);
      // What the dead pass committed for the owner (delivery row and mail), before it could queue the mail.
      const stranded = await prisma.$transaction(async (tx) => {
        const mailId = await storeMail(tx, { to: halfOwner.email, subject: "Weekly report", text: "…", html: "<p>…</p>" }, { kind: "report", userId: halfOwner.id });
        await tx.reportDelivery.create({ data: { subscriptionId: own.id, periodStart: new Date("2026-05-11T00:00:00Z"), mailId } });
        return mailId;
      });

      await sendDueReports(new Date("2026-05-18T08:00:00Z"));
      const deliveries = await prisma.reportDelivery.findMany({ where: { subscriptionId: { in: [own.id, other.id] } } });
      expect(deliveries.map((d) => [d.subscriptionId, d.periodStart.toISOString().slice(0, 10), d.mailId === stranded])).toEqual(
        expect.arrayContaining([
          [own.id, "2026-05-11", true],
          [other.id, "2026-05-11", false],
        ]),
      );
      expect(deliveries).toHaveLength(2);

      const jobsOf = async (mailId: string) => Number((await getPool().query("SELECT count(*) FROM pgboss.job WHERE name = $1 AND singleton_key = $2", [QUEUES.sendMail, mailId])).rows[0].count);
      expect(await jobsOf(stranded), "never queued").toBe(0);
      expect(await requeueStrandedMails(0)).toBeGreaterThanOrEqual(1);
      expect(await jobsOf(stranded)).toBe(1);
      expect(await requeueStrandedMails(0), "queued now: the next sweep leaves it alone").toBe(0);
    } finally {
      await prisma.user.deleteMany({ where: { id: site.userId } });
    }
  });
});
