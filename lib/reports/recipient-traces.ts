import { decryptJson, encryptJson } from "@/lib/crypto/field-encryption";
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
// Traces are rows of the mails table that are never delivered (no schema change): kind
// report-*-trace, status "sent" without sent_at and transport "mailjet", so neither a delivery
// job, the stranded-mail sweep nor the local outbox (/dev/mailbox lists transport "outbox")
// ever touches them. A trace holds no address and no text: recipient_index is the address's
// blind index behind a prefix (so nothing that looks for mails TO an address finds it),
// payload the encrypted { siteId, frequency }, user_id the site's owner (it goes with that
// account). Old traces are deleted by the report pass (deleteOldRecipientTraces); account
// deletion deletes those of the account's addresses (recipientTraceIndexes); site deletion
// those of "unsubscribed from this site" (deleteSiteUnsubscribeTraces), but not those of links
// sent, or deleting a site would reset the limits. A dedicated table would be cleaner; the
// mails table is the stopgap until it exists.

export const CONFIRMATION_TRACE_MS = 24 * 3_600_000;
const UNSUBSCRIBE_TRACE_MS = UNSUBSCRIBE_BLOCK_DAYS * 86_400_000;

const CONFIRMATION_KIND = "report-confirmation-trace";
const UNSUBSCRIBE_KIND = "report-unsubscribe-trace";
const INDEX_PREFIX = "report-trace:";

type TraceBody = { siteId: string; frequency: ReportFrequency | null };
export type ConfirmationTrace = TraceBody & { at: Date };

type Db = Prisma.TransactionClient;

/** What recipient_index holds in the traces of the address with this blind index. */
export function recipientTraceIndexes(emailIndexes: string[]): string[] {
  return emailIndexes.map((index) => `${INDEX_PREFIX}${index}`);
}

async function writeTrace(db: Db, kind: string, owner: string, emailIndex: string, body: TraceBody, at: Date): Promise<void> {
  await db.mail.create({
    data: { userId: owner, recipientIndex: `${INDEX_PREFIX}${emailIndex}`, kind, payload: encryptJson(body), transport: "mailjet", status: "sent", createdAt: at },
  });
}

async function readTraces(db: Db, kind: string, where: Prisma.MailWhereInput, since: Date): Promise<ConfirmationTrace[]> {
  const rows = await db.mail.findMany({ where: { ...where, kind, createdAt: { gt: since } }, select: { payload: true, createdAt: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ ...decryptJson<TraceBody>(row.payload), at: row.createdAt }));
}

/** A confirmation link's mail (sent at `sentAt`) is deleted before its 24 hours are up. */
export async function recordDeletedLink(db: Db, owner: string, emailIndex: string, report: { siteId: string; frequency: ReportFrequency } | null, sentAt: Date): Promise<void> {
  await writeTrace(db, CONFIRMATION_KIND, owner, emailIndex, { siteId: report?.siteId ?? "", frequency: report?.frequency ?? null }, sentAt);
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
  const traces = await readTraces(db, CONFIRMATION_KIND, { recipientIndex: `${INDEX_PREFIX}${emailIndex}` }, since);
  return [...traces, ...(await linkMails(db, { recipientIndex: emailIndex }, since))].sort(byTime);
}

/** Confirmation links the account sent in the last 24 hours, oldest first. */
export async function confirmationsByAccount(db: Db, owner: string, now: Date): Promise<ConfirmationTrace[]> {
  const since = new Date(now.getTime() - CONFIRMATION_TRACE_MS);
  const traces = await readTraces(db, CONFIRMATION_KIND, { userId: owner }, since);
  return [...traces, ...(await linkMails(db, { userId: owner }, since))].sort(byTime);
}

export function recordUnsubscribe(db: Db, owner: string, emailIndex: string, siteId: string, at: Date): Promise<void> {
  return writeTrace(db, UNSUBSCRIBE_KIND, owner, emailIndex, { siteId, frequency: null }, at);
}

/** When the address last unsubscribed from the site, if within the last 30 days. */
export async function unsubscribedFromSite(db: Db, emailIndex: string, siteId: string, now: Date): Promise<Date | null> {
  const traces = await readTraces(db, UNSUBSCRIBE_KIND, { recipientIndex: `${INDEX_PREFIX}${emailIndex}` }, new Date(now.getTime() - UNSUBSCRIBE_TRACE_MS));
  return traces.filter((t) => t.siteId === siteId).at(-1)?.at ?? null;
}

/** The site is being deleted: "unsubscribed from it" means nothing any more. */
export async function deleteSiteUnsubscribeTraces(db: Db, owner: string, siteId: string): Promise<void> {
  const rows = await db.mail.findMany({ where: { userId: owner, kind: UNSUBSCRIBE_KIND }, select: { id: true, payload: true } });
  const ids = rows.filter((row) => decryptJson<TraceBody>(row.payload).siteId === siteId).map((row) => row.id);
  if (ids.length > 0) await db.mail.deleteMany({ where: { id: { in: ids } } });
}

/** Deletes traces past their time (run with each report pass). Returns how many. */
export async function deleteOldRecipientTraces(db: Db, now: Date): Promise<number> {
  const { count } = await db.mail.deleteMany({
    where: {
      OR: [
        { kind: CONFIRMATION_KIND, createdAt: { lte: new Date(now.getTime() - CONFIRMATION_TRACE_MS) } },
        { kind: UNSUBSCRIBE_KIND, createdAt: { lte: new Date(now.getTime() - UNSUBSCRIBE_TRACE_MS) } },
      ],
    },
  });
  return count;
}
