import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashToken, newToken } from "@/lib/crypto/hash-token";
import { Prisma, prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderReportConfirmationMail } from "@/lib/mail/templates/report-confirmation";
import { CONFIRM_DAYS, confirmationExpiresAt } from "./confirmation";
import { reportConfirmUrl } from "./links";
import { deleteDeadReportMails, deleteSubscriptionsWithMails } from "./delete-subscriptions";
import type { ReportFrequency } from "./periods";
import {
  CONFIRMATION_TRACE_MS,
  type ConfirmationTrace,
  confirmationsByAccount,
  confirmationsToAddress,
  unsubscribedFromSite,
} from "./recipient-traces";
import { MAX_CONFIRMATIONS_PER_ACCOUNT, MAX_CONFIRMATIONS_PER_ADDRESS, MAX_SUBSCRIPTIONS_PER_SITE, UNSUBSCRIBE_BLOCK_DAYS } from "./limits";

// Who receives a site's reports, managed by the site's owner (every function checks that the
// user owns the site; someone else's site or subscription behaves like a missing one). The
// owner subscribes their own address at once; any other address gets a confirmation e-mail
// and nothing else until its reader confirms (confirmation.ts). Addresses are stored encrypted
// and found through the blind index.
//
// Confirmation links are limited so they cannot be used to pester someone, whatever happens to
// the subscription rows (recipient-traces.ts remembers the links sent): the same report's link
// at most once an hour, at most MAX_CONFIRMATIONS_PER_ADDRESS links a day to one address from
// all of MiniStat, MAX_CONFIRMATIONS_PER_ACCOUNT a day from one account, and none for
// UNSUBSCRIBE_BLOCK_DAYS to an address that unsubscribed from the site. Adding runs with the
// site's row locked and an advisory lock on the address, so concurrent adds cannot go past
// MAX_SUBSCRIPTIONS_PER_SITE or these limits. Deleting a subscription deletes its e-mails
// (delete-subscriptions.ts).

export { MAX_SUBSCRIPTIONS_PER_SITE } from "./limits";
/** The same report's confirmation link goes to an address again only after this long. */
const RESEND_AFTER_MS = 60 * 60_000;

export type ReportSubscriptionView = {
  id: string;
  email: string;
  frequency: ReportFrequency;
  /** The signed-in owner's own address. */
  isOwner: boolean;
  confirmed: boolean;
  /** Pending only: when the confirmation link stops working (the row is then deleted). */
  expiresAt: Date | null;
};

export type SubscriptionResult = { ok: true; message: string } | { ok: false; message: string };

type Owner = { id: string; email: string };

const NO_SITE: SubscriptionResult = { ok: false, message: "That site no longer exists in your account." };

async function ownedSite(userId: string, siteId: string): Promise<{ id: string; domain: string } | null> {
  return prisma.site.findFirst({ where: { id: siteId, userId }, select: { id: true, domain: true } });
}

/** The site's subscriptions, the owner's own first; null when the user does not own the site. */
export async function listReportSubscriptions(owner: Owner, siteId: string): Promise<ReportSubscriptionView[] | null> {
  if (!(await ownedSite(owner.id, siteId))) return null;
  const ownIndex = emailBlindIndex(owner.email);
  const rows = await prisma.reportSubscription.findMany({ where: { siteId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const views = rows.map((row) => ({
    id: row.id,
    email: decryptField(row.emailEncrypted),
    frequency: row.frequency,
    isOwner: row.emailIndex === ownIndex,
    confirmed: row.confirmedAt !== null,
    expiresAt: row.confirmedAt ? null : confirmationExpiresAt(row.createdAt),
  }));
  return [...views.filter((v) => v.isOwner), ...views.filter((v) => !v.isOwner)];
}

/** Turns the owner's own weekly or monthly report on or off (no confirmation: it is their address). */
export async function setOwnReport(owner: Owner, siteId: string, frequency: ReportFrequency, on: boolean, now = new Date()): Promise<SubscriptionResult> {
  const site = await ownedSite(owner.id, siteId);
  if (!site) return NO_SITE;
  const key = { siteId, frequency, emailIndex: emailBlindIndex(owner.email) };
  if (!on) {
    await prisma.$transaction((tx) => deleteSubscriptionsWithMails(tx, key));
    return { ok: true, message: `You will no longer receive the ${frequency} report.` };
  }
  const done = { ok: true, message: `You will receive the ${frequency} report for ${site.domain}.` } as const;
  const existing = await prisma.reportSubscription.findUnique({ where: { siteId_frequency_emailIndex: key }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) return done; // keeps its confirmation time, which decides the first report
  try {
    await prisma.reportSubscription.upsert({
      where: { siteId_frequency_emailIndex: key },
      create: { ...key, emailEncrypted: encryptField(normalizeEmail(owner.email)), confirmedAt: now, createdAt: now },
      update: { confirmedAt: now, confirmTokenHash: null },
    });
  } catch (error) {
    // Created by a simultaneous request (a double click): subscribed either way.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return done;
}

/** Adds another address; it receives a confirmation link, and reports only once it confirmed. */
export async function addReportRecipient(owner: Owner, siteId: string, email: string, frequency: ReportFrequency, now = new Date()): Promise<SubscriptionResult> {
  const address = normalizeEmail(email);
  if (address === normalizeEmail(owner.email)) return setOwnReport(owner, siteId, frequency, true, now);
  const emailIndex = emailBlindIndex(address);
  const token = newToken();
  let sent: { mailId: string } | SubscriptionResult;
  try {
    sent = await prisma.$transaction(async (tx) => {
      // One add at a time per site (the recipient limit) and per address (the limits per address).
      const [site] = await tx.$queryRaw<{ id: string; domain: string }[]>`
        SELECT id, domain FROM sites WHERE id = ${siteId} AND user_id = ${owner.id} FOR UPDATE`;
      if (!site) return NO_SITE;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`report-recipient:${emailIndex}`}, 0))`;

      const key = { siteId, frequency, emailIndex };
      const existing = await tx.reportSubscription.findUnique({ where: { siteId_frequency_emailIndex: key } });
      if (existing?.confirmedAt) return { ok: false, message: `${address} already receives the ${frequency} report.` };
      const refused = await confirmationRefusal(tx, { owner, site, address, emailIndex, frequency, now, isNew: !existing, pendingSince: existing?.createdAt ?? null });
      if (refused) return refused;

      const pending = { confirmTokenHash: hashToken(token), createdAt: now, confirmedAt: null };
      if (existing) await tx.reportSubscription.update({ where: { id: existing.id }, data: pending });
      else await tx.reportSubscription.create({ data: { ...key, ...pending, emailEncrypted: encryptField(address) } });
      // The link sent before is replaced: its mail goes.
      if (existing?.confirmTokenHash) await deleteDeadReportMails(tx, owner.id, emailIndex, new Map([[existing.confirmTokenHash, { siteId, frequency }]]));
      const message = renderReportConfirmationMail({ to: address, domain: site.domain, frequency, url: reportConfirmUrl(token), daysValid: CONFIRM_DAYS });
      return { mailId: await storeMail(tx, message, { kind: "report", userId: owner.id }) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025")) {
      return { ok: false, message: `${address} was changed at the same moment. Reload the page and try again.` };
    }
    throw error;
  }
  if (!("mailId" in sent)) return sent;
  await enqueueMail(sent.mailId);
  return { ok: true, message: `We sent a confirmation link to ${address}. The ${frequency} report goes out once it is confirmed.` };
}

type ConfirmationRequest = {
  owner: Owner;
  site: { id: string; domain: string };
  address: string;
  emailIndex: string;
  frequency: ReportFrequency;
  now: Date;
  /** A new row (counts against the site's limit), not a link sent again. */
  isNew: boolean;
  /** When the pending row's link was sent, if it exists. */
  pendingSince: Date | null;
};

/** Why no confirmation link may go out now, with what the owner can do; null when it may. */
async function confirmationRefusal(tx: Prisma.TransactionClient, r: ConfirmationRequest): Promise<SubscriptionResult | null> {
  const unsubscribedAt = await unsubscribedFromSite(tx, r.emailIndex, r.site.id, r.now);
  if (unsubscribedAt) {
    const until = new Date(unsubscribedAt.getTime() + UNSUBSCRIBE_BLOCK_DAYS * 86_400_000);
    return {
      ok: false,
      message: `${r.address} unsubscribed from the reports of ${r.site.domain} on ${formatDay(unsubscribedAt)}, so we will not send them another confirmation link before ${formatDay(until)}. If they want the reports again, add them after that date.`,
    };
  }
  const toAddress = await confirmationsToAddress(tx, r.emailIndex, r.now);
  // This report's link: the pending row's (sent at its created_at), or one deleted since.
  const sameReport = [...(r.pendingSince ? [r.pendingSince] : []), ...toAddress.filter((t) => t.siteId === r.site.id && t.frequency === r.frequency).map((t) => t.at)];
  if (sameReport.some((at) => r.now.getTime() - at.getTime() < RESEND_AFTER_MS)) {
    return { ok: false, message: `A confirmation link went to ${r.address} less than an hour ago. It is valid for ${CONFIRM_DAYS} days.` };
  }
  if (r.isNew && (await tx.reportSubscription.count({ where: { siteId: r.site.id } })) >= MAX_SUBSCRIPTIONS_PER_SITE) {
    return { ok: false, message: `A site can have at most ${MAX_SUBSCRIPTIONS_PER_SITE} report recipients. Remove one first.` };
  }
  if (toAddress.length >= MAX_CONFIRMATIONS_PER_ADDRESS) {
    return { ok: false, message: `${r.address} has already been sent ${MAX_CONFIRMATIONS_PER_ADDRESS} confirmation links from MiniStat in the last 24 hours, the most one address gets. Try again after ${formatTime(nextSlot(toAddress, MAX_CONFIRMATIONS_PER_ADDRESS))}.` };
  }
  const byAccount = await confirmationsByAccount(tx, r.owner.id, r.now);
  if (byAccount.length >= MAX_CONFIRMATIONS_PER_ACCOUNT) {
    return { ok: false, message: `Your account has sent ${MAX_CONFIRMATIONS_PER_ACCOUNT} confirmation links in the last 24 hours, the daily limit. Try again after ${formatTime(nextSlot(byAccount, MAX_CONFIRMATIONS_PER_ACCOUNT))}.` };
  }
  return null;
}

/** When the oldest of the counted links leaves the 24-hour window, making room for one more. */
function nextSlot(traces: ConfirmationTrace[], limit: number): Date {
  const oldest = traces[traces.length - limit] ?? traces[0]!;
  return new Date(oldest.at.getTime() + CONFIRMATION_TRACE_MS);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const formatDay = (date: Date) => dayFormat.format(date);
const formatTime = (date: Date) => `${timeFormat.format(date)} UTC`;

/** Removes a recipient (or the owner's own subscription) of one of the user's sites, with its e-mails. */
export async function removeReportSubscription(userId: string, subscriptionId: string): Promise<boolean> {
  const count = await prisma.$transaction((tx) => deleteSubscriptionsWithMails(tx, { id: subscriptionId, site: { userId } }));
  return count === 1;
}

/**
 * The account's address changes to `newEmailIndex`: the queries (for the caller's transaction,
 * before the user row changes) that move the owner's own subscriptions — rows on the owner's
 * sites with the old address — to the new address. Where the new address already has the same
 * report of the site (the owner had added it as a recipient), the old row is deleted with its
 * report mails; a row of the new address that still waited for confirmation is now the
 * owner's own address and is confirmed, as setOwnReport does.
 */
export function moveOwnReportSubscriptions(userId: string, newEmail: string, newEmailIndex: string) {
  const own = Prisma.sql`o.site_id IN (SELECT id FROM sites WHERE user_id = ${userId}) AND o.email_index = (SELECT email_index FROM users WHERE id = ${userId})`;
  const collides = Prisma.sql`EXISTS (SELECT 1 FROM report_subscriptions n WHERE n.site_id = o.site_id AND n.frequency = o.frequency AND n.email_index = ${newEmailIndex})`;
  return [
    prisma.$executeRaw`DELETE FROM mails WHERE id IN (SELECT d.mail_id FROM report_deliveries d JOIN report_subscriptions o ON o.id = d.subscription_id WHERE ${own} AND ${collides})`,
    prisma.$executeRaw`DELETE FROM report_subscriptions o WHERE ${own} AND ${collides}`,
    prisma.$executeRaw`UPDATE report_subscriptions o SET email_encrypted = ${encryptField(normalizeEmail(newEmail))}, email_index = ${newEmailIndex} WHERE ${own}`,
    prisma.$executeRaw`UPDATE report_subscriptions o SET confirmed_at = (now() AT TIME ZONE 'UTC'), confirm_token_hash = NULL
      WHERE o.site_id IN (SELECT id FROM sites WHERE user_id = ${userId}) AND o.email_index = ${newEmailIndex} AND o.confirmed_at IS NULL`,
  ];
}
