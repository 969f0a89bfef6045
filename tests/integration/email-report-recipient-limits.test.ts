import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

// Mail in this file goes to the local outbox: no Mailjet keys (set before anything reads the env).
delete process.env.MAILJET_API_KEY;

import { deleteAccount } from "@/lib/account/delete-account";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/change-email";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptJson, encryptField } from "@/lib/crypto/field-encryption";
import { closePool, getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { stopQueue } from "@/lib/jobs/queue";
import type { MailMessage } from "@/lib/mail/types";
import { confirmReportSubscription, deleteExpiredConfirmations, describeConfirmation } from "@/lib/reports/confirmation";
import { MAX_CONFIRMATIONS_PER_ACCOUNT, MAX_CONFIRMATIONS_PER_ADDRESS, MAX_SUBSCRIPTIONS_PER_SITE, UNSUBSCRIBE_BLOCK_DAYS } from "@/lib/reports/limits";
import { sendDueReports } from "@/lib/reports/send-reports";
import { addReportRecipient, listReportSubscriptions, removeReportSubscription, setOwnReport } from "@/lib/reports/subscriptions";
import { unsubscribeFromReport } from "@/lib/reports/unsubscribe";
import { createUnsubscribeToken } from "@/lib/reports/unsubscribe-token";
import { deleteSite } from "@/lib/sites/sites";

// The review of issue 9, findings 3, 4, 5 and 11 (e-mail reports):
// - confirmation links are limited per address and per account whatever happens to the
//   subscription rows, and an address that unsubscribed is not asked again for 30 days;
// - deleting a subscription (removal, unsubscribe, expiry, site or account deletion) deletes
//   the e-mails that were its;
// - changing the account's address moves the owner's own reports to it;
// - concurrent adds cannot go past the per-site limit.

const tag = randomBytes(4).toString("hex");
const address = (label: string) => `${label}-${tag}@example.com`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const created: string[] = [];

type Owner = { id: string; email: string };

/** A user with one site; the user row holds its real (encrypted) address. */
async function newOwner(label: string, timezone = "Europe/Berlin"): Promise<{ owner: Owner; siteId: string; domain: string }> {
  const domain = `${label}-${tag}.example`;
  const { userId, siteId } = await createSyntheticSite(getPool(), { domain, timezone });
  const email = address(`owner-${label}`);
  await prisma.user.update({ where: { id: userId }, data: { emailEncrypted: encryptField(email), emailIndex: emailBlindIndex(email) } });
  created.push(userId);
  return { owner: { id: userId, email }, siteId, domain };
}

async function anotherSite(owner: Owner, label: string): Promise<string> {
  const site = await prisma.site.create({ data: { userId: owner.id, domain: `${label}-${tag}.example`, timezone: "Etc/UTC" } });
  return site.id;
}

/** Every mail row to the address (its blind index), and every trace of it. */
async function mailsTo(email: string) {
  const rows = await prisma.mail.findMany({ where: { recipientIndex: emailBlindIndex(email) }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ ...decryptJson<MailMessage>(row.payload), id: row.id, kind: row.kind }));
}
const tracesOf = (email: string) => prisma.reportRecipientTrace.findMany({ where: { emailIndex: emailBlindIndex(email) }, orderBy: { createdAt: "asc" } });

function confirmLink(mail: MailMessage): string {
  const token = /\/reports\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no confirmation link in "${mail.subject}"`);
  return token;
}

async function newestConfirmLink(email: string): Promise<string> {
  const mails = (await mailsTo(email)).filter((m) => m.subject.startsWith("Confirm"));
  return confirmLink(mails.at(-1)!);
}

const subscription = (siteId: string, email: string, frequency: "weekly" | "monthly") =>
  prisma.reportSubscription.findUnique({ where: { siteId_frequency_emailIndex: { siteId, frequency, emailIndex: emailBlindIndex(email) } } });

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: created } } });
  await stopQueue();
  await closePool();
});

describe("confirmation links (finding 3)", () => {
  it("removing and adding an address again sends no second link within the hour, and one address gets at most 3 a day", async () => {
    const { owner, siteId } = await newOwner("readd");
    const victim = address("readd-victim");
    const t0 = new Date();
    expect(await addReportRecipient(owner, siteId, victim, "weekly", t0)).toMatchObject({ ok: true });
    expect(await mailsTo(victim)).toHaveLength(1);
    const row = await subscription(siteId, victim, "weekly");
    expect(await removeReportSubscription(owner.id, row!.id)).toBe(true);

    const again = await addReportRecipient(owner, siteId, victim, "weekly", new Date(t0.getTime() + 5 * 60_000));
    expect(again).toEqual({ ok: false, message: `A confirmation link went to ${victim} less than an hour ago. It is valid for 7 days.` });
    expect(await mailsTo(victim), "no second link (and the removed one's mail is gone)").toHaveLength(0);
    expect(await subscription(siteId, victim, "weekly"), "nothing stored for the refused add").toBeNull();

    // An hour later the link may go again; links for other sites and reports count too.
    expect(await addReportRecipient(owner, siteId, victim, "weekly", new Date(t0.getTime() + 61 * 60_000))).toMatchObject({ ok: true });
    const other = await newOwner("readd-other");
    expect(await addReportRecipient(other.owner, other.siteId, victim, "monthly", new Date(t0.getTime() + 62 * 60_000))).toMatchObject({ ok: true });
    // Two links are still mails; the removed one left a trace (no address, no text).
    expect(await mailsTo(victim)).toHaveLength(2);
    expect((await tracesOf(victim)).map((t) => t.kind)).toEqual(["confirmation"]);

    // Removing every subscription does not reset the count: the traces stay 24 hours.
    for (const s of await prisma.reportSubscription.findMany({ where: { emailIndex: emailBlindIndex(victim) }, include: { site: true } })) {
      expect(await removeReportSubscription(s.site.userId, s.id)).toBe(true);
    }
    const fourth = await addReportRecipient(owner, siteId, victim, "monthly", new Date(t0.getTime() + 2 * HOUR));
    expect(fourth.ok).toBe(false);
    expect(fourth.message).toMatch(new RegExp(`^${victim} has already been sent ${MAX_CONFIRMATIONS_PER_ADDRESS} confirmation links from MiniStat in the last 24 hours, the most one address gets\\. Try again after \\d+ \\w+ (at |, )?\\d\\d:\\d\\d UTC\\.$`));
    expect(await mailsTo(victim)).toHaveLength(0);

    // A day after the first link, one more may go.
    expect(await addReportRecipient(owner, siteId, victim, "monthly", new Date(t0.getTime() + DAY + 60_000))).toMatchObject({ ok: true });
    expect(await mailsTo(victim)).toHaveLength(1);
  });

  it(`one account sends at most ${MAX_CONFIRMATIONS_PER_ACCOUNT} links a day`, async () => {
    const { owner, siteId } = await newOwner("account-cap");
    const second = await anotherSite(owner, "account-cap-2");
    const now = new Date();
    for (let i = 0; i < MAX_CONFIRMATIONS_PER_ACCOUNT; i++) {
      const site = i < MAX_SUBSCRIPTIONS_PER_SITE ? siteId : second;
      expect(await addReportRecipient(owner, site, address(`cap-${i}`), "weekly", now)).toMatchObject({ ok: true });
    }
    const refused = await addReportRecipient(owner, second, address("cap-last"), "weekly", now);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(new RegExp(`^Your account has sent ${MAX_CONFIRMATIONS_PER_ACCOUNT} confirmation links in the last 24 hours, the daily limit\\. Try again after .+ UTC\\.$`));
    expect(await mailsTo(address("cap-last"))).toHaveLength(0);
  });

  it(`an address that unsubscribed gets no new link from that site for ${UNSUBSCRIBE_BLOCK_DAYS} days`, async () => {
    const { owner, siteId, domain } = await newOwner("unsub");
    const reader = address("unsub-reader");
    const t0 = new Date();
    expect(await addReportRecipient(owner, siteId, reader, "weekly", t0)).toMatchObject({ ok: true });
    expect(await confirmReportSubscription(await newestConfirmLink(reader), t0)).toMatchObject({ ok: true });
    const row = await subscription(siteId, reader, "weekly");
    expect(await unsubscribeFromReport(createUnsubscribeToken(row!.id), new Date(t0.getTime() + HOUR))).toMatchObject({ status: "active" });
    expect(await mailsTo(reader), "the unsubscribed address's mails are gone").toHaveLength(0);

    const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const until = new Date(t0.getTime() + HOUR + UNSUBSCRIBE_BLOCK_DAYS * DAY);
    const expected = {
      ok: false,
      message: `${reader} unsubscribed from the reports of ${domain} on ${day(new Date(t0.getTime() + HOUR))}, so we will not send them another confirmation link before ${day(until)}. If they want the reports again, add them after that date.`,
    };
    expect(await addReportRecipient(owner, siteId, reader, "weekly", new Date(t0.getTime() + 3 * HOUR))).toEqual(expected);
    expect(await addReportRecipient(owner, siteId, reader, "monthly", new Date(t0.getTime() + 2 * DAY)), "either report").toEqual(expected);
    expect(await mailsTo(reader)).toHaveLength(0);

    expect(await addReportRecipient(owner, siteId, reader, "weekly", new Date(until.getTime() + HOUR))).toMatchObject({ ok: true });
    expect(await mailsTo(reader)).toHaveLength(1);
  });
});

describe("deleting a subscription deletes its e-mails (finding 4)", () => {
  const T0 = new Date("2026-03-25T10:00:00Z");
  const REPORT_PASS = new Date("2026-03-30T07:15:00Z");
  const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

  it("removal, unsubscribe and expiry leave no mail to the address, but keep a link another report still waits on", async () => {
    const { owner, siteId } = await newOwner("delete");
    const secondSite = await anotherSite(owner, "delete-2");
    const removed = address("removed");
    const leaving = address("leaving");
    expect(await addReportRecipient(owner, siteId, removed, "weekly", at(0))).toMatchObject({ ok: true });
    expect(await confirmReportSubscription(await newestConfirmLink(removed), at(1))).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, removed, "monthly", at(2))).toMatchObject({ ok: true });
    const monthlyLink = await newestConfirmLink(removed);
    expect(await addReportRecipient(owner, secondSite, removed, "weekly", at(3))).toMatchObject({ ok: true });
    const otherSiteLink = await newestConfirmLink(removed);
    expect(await addReportRecipient(owner, siteId, leaving, "weekly", at(0))).toMatchObject({ ok: true });
    expect(await confirmReportSubscription(await newestConfirmLink(leaving), at(1))).toMatchObject({ ok: true });

    expect((await sendDueReports(REPORT_PASS)).sent).toBeGreaterThanOrEqual(2);
    // The used weekly link went when it was confirmed.
    expect((await mailsTo(removed)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Confirm your monthly report/),
      expect.stringMatching(/^Confirm your weekly report for delete-2-/),
      expect.stringMatching(/^Weekly report/),
    ]);

    // Removed by the owner: its report goes; the two links still waiting stay.
    expect(await removeReportSubscription(owner.id, (await subscription(siteId, removed, "weekly"))!.id)).toBe(true);
    expect((await mailsTo(removed)).map(confirmLink).sort()).toEqual([monthlyLink, otherSiteLink].sort());
    expect(await describeConfirmation(monthlyLink, at(4))).toMatchObject({ ok: true });

    // Unsubscribed through the report's link.
    expect((await mailsTo(leaving)).map((m) => m.subject), "its report (the used link went when it was confirmed)").toEqual([expect.stringMatching(/^Weekly report/)]);
    const leavingRow = await subscription(siteId, leaving, "weekly");
    expect(await unsubscribeFromReport(createUnsubscribeToken(leavingRow!.id), REPORT_PASS)).toMatchObject({ status: "active" });
    expect(await mailsTo(leaving)).toHaveLength(0);
    expect(await prisma.reportDelivery.count({ where: { subscriptionId: leavingRow!.id } })).toBe(0);

    // Never confirmed: both waiting links expire, and their mails go with them.
    expect(await deleteExpiredConfirmations(at(8 * 24))).toBeGreaterThanOrEqual(2);
    expect(await mailsTo(removed)).toEqual([]);
    expect(await prisma.reportSubscription.count({ where: { emailIndex: emailBlindIndex(removed) } })).toBe(0);
  });

  it("deleting the site leaves no mail to its recipients, nor their unsubscribe traces", async () => {
    const { owner, siteId } = await newOwner("site-gone");
    const kept = address("site-gone-kept");
    const waiting = address("site-gone-waiting");
    const gone = address("site-gone-unsubscribed");
    expect(await setOwnReport(owner, siteId, "weekly", true, at(0))).toMatchObject({ ok: true });
    for (const email of [kept, gone]) {
      expect(await addReportRecipient(owner, siteId, email, "weekly", at(0))).toMatchObject({ ok: true });
      expect(await confirmReportSubscription(await newestConfirmLink(email), at(1))).toMatchObject({ ok: true });
    }
    await sendDueReports(REPORT_PASS);
    expect((await mailsTo(kept)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Weekly report/)]);
    expect(await mailsTo(owner.email)).toHaveLength(1);
    expect(await addReportRecipient(owner, siteId, waiting, "monthly", REPORT_PASS)).toMatchObject({ ok: true });
    expect(await unsubscribeFromReport(createUnsubscribeToken((await subscription(siteId, gone, "weekly"))!.id), REPORT_PASS)).toMatchObject({ status: "active" });
    expect((await tracesOf(gone)).map((t) => t.kind).sort()).toEqual(["confirmation", "unsubscribe"]);

    expect(await deleteSite(owner.id, siteId)).toBe(true);
    for (const email of [kept, waiting, gone, owner.email]) expect(await mailsTo(email), email).toEqual([]);
    expect((await tracesOf(gone)).map((t) => t.kind), "the site is gone: so is the fact that someone unsubscribed from it").toEqual(["confirmation"]);
    // What stays is the 24-hour trace that a link went to the address (its blind index, no address):
    // deleting the site must not reset the limits per address and per account.
    const [trace] = await tracesOf(waiting);
    expect(trace?.kind).toBe("confirmation");
    expect(Object.values(trace ?? {}).map(String).join(" ")).not.toContain(waiting);
    expect(await addReportRecipient(owner, await anotherSite(owner, "site-gone-again"), waiting, "monthly", new Date(REPORT_PASS.getTime() + 10 * 60_000))).toMatchObject({ ok: true });
  });

  it("deleting the owner's account leaves no mail or trace of its recipients", async () => {
    const { owner, siteId } = await newOwner("account-gone");
    const reader = address("account-gone-reader");
    const waiting = address("account-gone-waiting");
    expect(await addReportRecipient(owner, siteId, reader, "weekly", at(0))).toMatchObject({ ok: true });
    expect(await confirmReportSubscription(await newestConfirmLink(reader), at(1))).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, waiting, "weekly", at(0))).toMatchObject({ ok: true });
    await sendDueReports(REPORT_PASS);
    expect((await mailsTo(reader)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Weekly report/)]);
    expect(await mailsTo(waiting)).toHaveLength(1);
    expect(await tracesOf(reader), "the used link's trace").toHaveLength(1);

    expect(await deleteAccount(owner.id)).toBe(true);
    for (const email of [reader, waiting]) {
      expect(await mailsTo(email)).toEqual([]);
      expect(await tracesOf(email)).toEqual([]);
    }
  });
});

describe("changing the account's address (finding 5)", () => {
  async function changeAddress(owner: Owner, newEmail: string): Promise<void> {
    expect(await requestEmailChange(owner.id, newEmail)).toEqual({ ok: true });
    const mail = (await mailsTo(newEmail)).find((m) => m.subject.length > 0 && m.text.includes("/settings/email/confirm?token="));
    const token = decodeURIComponent(/\/settings\/email\/confirm\?token=([^\s"'<>]+)/.exec(mail!.text)![1]!);
    expect(await confirmEmailChange(token)).toEqual({ ok: true });
    owner.email = newEmail;
  }

  it("moves the owner's own reports to the new address; the next report goes there", async () => {
    const { owner, siteId, domain } = await newOwner("moved");
    const oldEmail = owner.email;
    const newEmail = address("moved-new");
    const colleague = address("moved-colleague");
    expect(await setOwnReport(owner, siteId, "weekly", true, new Date("2026-03-25T10:00:00Z"))).toMatchObject({ ok: true });
    expect(await setOwnReport(owner, siteId, "monthly", true, new Date("2026-03-25T10:00:00Z"))).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, colleague, "weekly", new Date("2026-03-25T10:00:00Z"))).toMatchObject({ ok: true });
    expect(await confirmReportSubscription(await newestConfirmLink(colleague), new Date("2026-03-25T11:00:00Z"))).toMatchObject({ ok: true });

    await changeAddress(owner, newEmail);
    const list = await listReportSubscriptions(owner, siteId);
    expect(list?.map((s) => [s.email, s.frequency, s.isOwner, s.confirmed])).toEqual([
      [newEmail, "weekly", true, true],
      [newEmail, "monthly", true, true],
      [colleague, "weekly", false, true],
    ]);
    expect(await prisma.reportSubscription.count({ where: { emailIndex: emailBlindIndex(oldEmail) } })).toBe(0);

    await sendDueReports(new Date("2026-03-30T07:15:00Z"));
    expect((await mailsTo(newEmail)).filter((m) => m.subject.startsWith("Weekly report")).map((m) => m.subject)).toEqual([expect.stringContaining(`Weekly report for ${domain}:`)]);
    expect(await mailsTo(oldEmail)).toEqual([]);
  });

  it("where the new address already had the report as a recipient, keeps one row, the owner's, confirmed", async () => {
    const { owner, siteId } = await newOwner("collide");
    const newEmail = address("collide-new");
    expect(await setOwnReport(owner, siteId, "weekly", true)).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, newEmail, "weekly")).toMatchObject({ ok: true });
    expect(await addReportRecipient(owner, siteId, newEmail, "monthly")).toMatchObject({ ok: true });

    await changeAddress(owner, newEmail);
    const list = await listReportSubscriptions(owner, siteId);
    expect(list?.map((s) => [s.email, s.frequency, s.isOwner, s.confirmed])).toEqual([
      [newEmail, "weekly", true, true],
      [newEmail, "monthly", true, true],
    ]);
  });
});

describe(`the limit of ${MAX_SUBSCRIPTIONS_PER_SITE} recipients (finding 11)`, () => {
  it("holds when many adds arrive at once", async () => {
    const { owner, siteId } = await newOwner("race");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => addReportRecipient(owner, siteId, address(`race-${i}`), "weekly")));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_SUBSCRIPTIONS_PER_SITE);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual(
      Array.from({ length: 30 - MAX_SUBSCRIPTIONS_PER_SITE }, () => `A site can have at most ${MAX_SUBSCRIPTIONS_PER_SITE} report recipients. Remove one first.`),
    );
    expect(await prisma.reportSubscription.count({ where: { siteId } })).toBe(MAX_SUBSCRIPTIONS_PER_SITE);
  });
});
