import type { Prisma } from "@/lib/db/prisma";
import { UNSUBSCRIBE_BLOCK_DAYS } from "./limits";
import type { ReportFrequency } from "./periods";

// What MiniStat remembers about a report recipient beyond their subscription, so the
// confirmation e-mail cannot be used to pester someone (an owner adding, removing and adding an
// address again, or adding it on site after site):
// - "a confirmation link went to this address" (for the site and frequency) for 24 hours. While
//   the link's mail exists, the mail itself says so; when it is deleted sooner (its
//   subscription was removed, confirmed, sent again — delete-subscriptions.ts), a trace takes
//   its place for the rest of the 24 hours. The limits per address and per account
//   (subscriptions.ts) count both, so removing a recipient does not reset them.
// - "this address unsubscribed from this site", kept 30 days: no new confirmation link goes to
//   it from that site in that time.
//
// Traces live in report_recipient_traces: the address's blind index, never the address, and
// the site's owner, with whose account they go. Old traces are deleted by the report pass
// (deleteOldRecipientTraces); account deletion deletes those of the account's addresses; site
// deletion those of "unsubscribed from this site" (deleteSiteUnsubscribeTraces), but not those
// of links sent, or deleting a site would reset the limits.

export const CONFIRMATION_TRACE_MS = 24 * 3_600_000;
const UNSUBSCRIBE_TRACE_MS = UNSUBSCRIBE_BLOCK_DAYS * 86_400_000;

const CONFIRMATION_KIND = "confirmation";
const UNSUBSCRIBE_KIND = "unsubscribe";

export type ConfirmationTrace = { siteId: string; frequency: ReportFrequency | null; at: Date };

type Db = Prisma.TransactionClient;
type TraceRow = { siteId: string | null; frequency: ReportFrequency | null; createdAt: Date };

const toTrace = (row: TraceRow): ConfirmationTrace => ({ siteId: row.siteId ?? "", frequency: row.frequency, at: row.createdAt });
const traceSelect = { siteId: true, frequency: true, createdAt: true } as const;

/** A confirmation link's mail (sent at `sentAt`) is deleted before its 24 hours are up. */
export async function recordDeletedLink(db: Db, owner: string, emailIndex: string, report: { siteId: string; frequency: ReportFrequency } | null, sentAt: Date): Promise<void> {
  await db.reportRecipientTrace.create({
    data: { kind: CONFIRMATION_KIND, userId: owner, emailIndex, siteId: report?.siteId ?? null, frequency: report?.frequency ?? null, createdAt: sentAt },
  });
}

/** Links still stored as mails: the owner's report mails with no delivery row (reports have one). */
async function linkMails(db: Db, where: Prisma.MailWhereInput, since: Date): Promise<ConfirmationTrace[]> {
  const rows = await db.mail.findMany({ where: { ...where, kind: "report", reportDeliveries: { none: {} }, createdAt: { gt: since } }, select: { createdAt: true } });
  return rows.map((row) => ({ siteId: "", frequency: null, at: row.createdAt }));
}

const byTime = (a: ConfirmationTrace, b: ConfirmationTrace) => a.at.getTime() - b.at.getTime();

/** Confirmation links sent to the address in the last 24 hours, by anyone, oldest first. */
export async function confirmationsToAddress(db: Db, emailIndex: string, now: Date): Promise<ConfirmationTrace[]> {
  const since = new Date(now.getTime() - CONFIRMATION_TRACE_MS);
  const traces = await db.reportRecipientTrace.findMany({ where: { kind: CONFIRMATION_KIND, emailIndex, createdAt: { gt: since } }, select: traceSelect });
  return [...traces.map(toTrace), ...(await linkMails(db, { recipientIndex: emailIndex }, since))].sort(byTime);
}

/** Confirmation links the account sent in the last 24 hours, oldest first. */
export async function confirmationsByAccount(db: Db, owner: string, now: Date): Promise<ConfirmationTrace[]> {
  const since = new Date(now.getTime() - CONFIRMATION_TRACE_MS);
  const traces = await db.reportRecipientTrace.findMany({ where: { kind: CONFIRMATION_KIND, userId: owner, createdAt: { gt: since } }, select: traceSelect });
  return [...traces.map(toTrace), ...(await linkMails(db, { userId: owner }, since))].sort(byTime);
}

export async function recordUnsubscribe(db: Db, owner: string, emailIndex: string, siteId: string, at: Date): Promise<void> {
  await db.reportRecipientTrace.create({ data: { kind: UNSUBSCRIBE_KIND, userId: owner, emailIndex, siteId, createdAt: at } });
}

/** When the address last unsubscribed from the site, if within the last 30 days. */
export async function unsubscribedFromSite(db: Db, emailIndex: string, siteId: string, now: Date): Promise<Date | null> {
  const latest = await db.reportRecipientTrace.findFirst({
    where: { kind: UNSUBSCRIBE_KIND, emailIndex, siteId, createdAt: { gt: new Date(now.getTime() - UNSUBSCRIBE_TRACE_MS) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return latest?.createdAt ?? null;
}

/** The site is being deleted: "unsubscribed from it" means nothing any more. */
export async function deleteSiteUnsubscribeTraces(db: Db, owner: string, siteId: string): Promise<void> {
  await db.reportRecipientTrace.deleteMany({ where: { kind: UNSUBSCRIBE_KIND, userId: owner, siteId } });
}

/** The account's addresses are being deleted: every trace of them, whoever's site it was. */
export async function deleteTracesOfAddresses(db: Db, emailIndexes: string[]): Promise<void> {
  await db.reportRecipientTrace.deleteMany({ where: { emailIndex: { in: emailIndexes } } });
}

/** Deletes traces past their time (run with each report pass). Returns how many. */
export async function deleteOldRecipientTraces(db: Db, now: Date): Promise<number> {
  const { count } = await db.reportRecipientTrace.deleteMany({
    where: {
      OR: [
        { kind: CONFIRMATION_KIND, createdAt: { lte: new Date(now.getTime() - CONFIRMATION_TRACE_MS) } },
        { kind: UNSUBSCRIBE_KIND, createdAt: { lte: new Date(now.getTime() - UNSUBSCRIBE_TRACE_MS) } },
      ],
    },
  });
  return count;
}
