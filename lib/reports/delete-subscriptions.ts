import { hashToken } from "@/lib/crypto/hash-token";
import { decryptJson } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import type { MailMessage } from "@/lib/mail/types";
import type { ReportFrequency } from "./periods";
import { CONFIRMATION_TRACE_MS, deleteSiteUnsubscribeTraces, recordDeletedLink } from "./recipient-traces";

// Deleting report subscriptions together with the e-mails that were theirs, so that an
// address that unsubscribed, was removed, never confirmed, or whose site went away is not
// kept in the mails table either (its payload holds the address; recipient_index its blind
// index). Unsubscribing, removing a recipient, turning one's own report off, an expired
// confirmation and deleting the site go through here. Deleting an account removes every mail
// linked to it or to its addresses itself (lib/account/delete-account.ts); an address change
// that finds the owner's report twice deletes the old row's reports itself
// (moveOwnReportSubscriptions).
//
// Which mails were a subscription's:
// - its reports: report_deliveries.mail_id. That foreign key is ON DELETE SET NULL and the
//   delivery rows go with the subscription, so the ids are collected before it is deleted.
// - its confirmation link. A mail row names no site or subscription, so it is found by what
//   it is: a mail of kind "report" from the site's owner (user_id) to the address
//   (recipient_index) with no delivery row (every report has one while its subscription
//   lives). Of those, a mail is kept only while its link can still confirm a pending
//   subscription — the hash of the link's token is some subscription's confirm_token_hash —
//   which is how a link still waiting for the same address on another of the owner's sites,
//   or for the other frequency, survives. Any other such mail is a used or dead link (or a
//   report whose subscription is gone) and is deleted, whenever the owner's mails to that
//   address are tidied: a subscription deleted, confirmed, or its link sent again.
// Queued mails are deleted too: their delivery job finds nothing and does nothing.

type Db = Prisma.TransactionClient;

const CONFIRM_LINK = /\/reports\/confirm\/([^\s"'<>/?#]+)/;

type LinkOf = Map<string, { siteId: string; frequency: ReportFrequency }>;

/** Deletes the subscriptions matching `where` and their mails. Returns how many subscriptions. */
export async function deleteSubscriptionsWithMails(db: Db, where: Prisma.ReportSubscriptionWhereInput): Promise<number> {
  const rows = await db.reportSubscription.findMany({
    where,
    select: { id: true, siteId: true, frequency: true, emailIndex: true, confirmTokenHash: true, site: { select: { userId: true } }, deliveries: { select: { mailId: true } } },
  });
  if (rows.length === 0) return 0;
  const reportMailIds = rows.flatMap((row) => row.deliveries.flatMap((d) => (d.mailId ? [d.mailId] : [])));
  const { count } = await db.reportSubscription.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
  if (reportMailIds.length > 0) await db.mail.deleteMany({ where: { id: { in: reportMailIds } } });
  const recipients = new Map<string, { owner: string; emailIndex: string; links: LinkOf }>();
  for (const row of rows) {
    const key = `${row.site.userId}|${row.emailIndex}`;
    const recipient = recipients.get(key) ?? { owner: row.site.userId, emailIndex: row.emailIndex, links: new Map() };
    if (row.confirmTokenHash) recipient.links.set(row.confirmTokenHash, { siteId: row.siteId, frequency: row.frequency });
    recipients.set(key, recipient);
  }
  for (const { owner, emailIndex, links } of recipients.values()) await deleteDeadReportMails(db, owner, emailIndex, links);
  return count;
}

/**
 * Deletes the owner's report mails to the address that no live subscription needs: used or
 * superseded confirmation links, and reports whose subscription is gone. A link deleted within
 * 24 hours of being sent leaves a trace (recipient-traces.ts), with its site and frequency when
 * `links` (token hash → report) knows them. Returns how many.
 */
export async function deleteDeadReportMails(db: Db, owner: string, emailIndex: string, links: LinkOf = new Map()): Promise<number> {
  const mails = await db.mail.findMany({
    where: { userId: owner, recipientIndex: emailIndex, kind: "report", reportDeliveries: { none: {} } },
    select: { id: true, payload: true, createdAt: true },
  });
  if (mails.length === 0) return 0;
  const linkHashes = new Map<string, string>();
  for (const mail of mails) {
    const token = CONFIRM_LINK.exec(decryptJson<MailMessage>(mail.payload).text)?.[1];
    if (token) linkHashes.set(mail.id, hashToken(decodeURIComponent(token)));
  }
  const waiting = await db.reportSubscription.findMany({
    where: { confirmedAt: null, confirmTokenHash: { in: [...linkHashes.values()] } },
    select: { confirmTokenHash: true },
  });
  const live = new Set(waiting.map((row) => row.confirmTokenHash));
  const dead = mails.filter((mail) => !live.has(linkHashes.get(mail.id) ?? null));
  if (dead.length === 0) return 0;
  const recent = Date.now() - CONFIRMATION_TRACE_MS;
  for (const mail of dead) {
    const hash = linkHashes.get(mail.id);
    if (hash && mail.createdAt.getTime() > recent) await recordDeletedLink(db, owner, emailIndex, links.get(hash) ?? null, mail.createdAt);
  }
  const { count } = await db.mail.deleteMany({ where: { id: { in: dead.map((mail) => mail.id) } } });
  return count;
}

/** The site is being deleted (in the same transaction): its subscriptions, their mails and "unsubscribed from it" traces. */
export async function deleteSiteReportSubscriptions(db: Db, owner: string, siteId: string): Promise<void> {
  await deleteSubscriptionsWithMails(db, { siteId, site: { userId: owner } });
  await deleteSiteUnsubscribeTraces(db, owner, siteId);
}
