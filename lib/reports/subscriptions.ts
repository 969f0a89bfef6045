import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashToken, newToken } from "@/lib/crypto/hash-token";
import { Prisma, prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderReportConfirmationMail } from "@/lib/mail/templates/report-confirmation";
import { CONFIRM_DAYS, confirmationExpiresAt } from "./confirmation";
import { reportConfirmUrl } from "./links";
import type { ReportFrequency } from "./periods";

// Who receives a site's reports, managed by the site's owner (every function checks that the
// user owns the site; someone else's site or subscription behaves like a missing one). The
// owner subscribes their own address at once; any other address gets a confirmation e-mail
// and nothing else until its reader confirms (confirmation.ts). Addresses are stored encrypted
// and found through the blind index.

export const MAX_SUBSCRIPTIONS_PER_SITE = 25;
/** A pending address gets its confirmation e-mail again only after this long. */
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
    await prisma.reportSubscription.deleteMany({ where: key });
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
  const site = await ownedSite(owner.id, siteId);
  if (!site) return NO_SITE;
  const key = { siteId, frequency, emailIndex: emailBlindIndex(address) };
  const existing = await prisma.reportSubscription.findUnique({ where: { siteId_frequency_emailIndex: key } });
  if (existing?.confirmedAt) return { ok: false, message: `${address} already receives the ${frequency} report.` };
  if (existing && now.getTime() - existing.createdAt.getTime() < RESEND_AFTER_MS) {
    return { ok: false, message: `A confirmation link went to ${address} less than an hour ago. It is valid for ${CONFIRM_DAYS} days.` };
  }
  if (!existing && (await prisma.reportSubscription.count({ where: { siteId } })) >= MAX_SUBSCRIPTIONS_PER_SITE) {
    return { ok: false, message: `A site can have at most ${MAX_SUBSCRIPTIONS_PER_SITE} report recipients. Remove one first.` };
  }

  const token = newToken();
  const message = renderReportConfirmationMail({ to: address, domain: site.domain, frequency, url: reportConfirmUrl(token), daysValid: CONFIRM_DAYS });
  let mailId: string;
  try {
    mailId = await prisma.$transaction(async (tx) => {
      const pending = { confirmTokenHash: hashToken(token), createdAt: now, confirmedAt: null };
      if (existing) await tx.reportSubscription.update({ where: { id: existing.id }, data: pending });
      else await tx.reportSubscription.create({ data: { ...key, ...pending, emailEncrypted: encryptField(address) } });
      return storeMail(tx, message, { kind: "report", userId: owner.id });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025")) {
      return { ok: false, message: `${address} was changed at the same moment. Reload the page and try again.` };
    }
    throw error;
  }
  await enqueueMail(mailId);
  return { ok: true, message: `We sent a confirmation link to ${address}. The ${frequency} report goes out once it is confirmed.` };
}

/** Removes a recipient (or the owner's own subscription) of one of the user's sites. */
export async function removeReportSubscription(userId: string, subscriptionId: string): Promise<boolean> {
  const { count } = await prisma.reportSubscription.deleteMany({ where: { id: subscriptionId, site: { userId } } });
  return count === 1;
}
