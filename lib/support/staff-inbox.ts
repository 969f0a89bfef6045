import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import { prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderSupportReplyMail } from "@/lib/mail/templates/support";
import { getAppUrl } from "@/lib/config/env";
import { messageBody } from "./message-body";
import { parseReference } from "./reference";
import { replyAddressFor } from "./reply-address";
import { messagesSelect, readField, summarySelect, toDetail, toSummary, UNREADABLE } from "./thread-views";
import type { ThreadDetail, ThreadStatus, ThreadSummary } from "./types";

// The staff side of the support desk (/admin/support). Callers MUST have checked isStaff
// (lib/support/staff-role.ts); nothing here does.
//
// Search: an e-mail address is matched exactly through its blind index (all of that address's
// threads), a reference ("MS-…", any case) exactly; anything else is a set of words that must
// all occur, case-insensitively, in the decrypted subject or site. Subjects are encrypted, so
// word search decrypts the SEARCH_WINDOW most recently active threads (of the chosen status)
// and filters them here: older threads are found by address or reference. The status filter
// applies to every kind of search.
// Addresses stay out of URLs (browser history, proxy logs): "every thread from this
// correspondent" is asked for by one of their thread's ids (`sameAs`), resolved here through
// the blind index, and a typed address is turned into such an id (resolveInboxSearch).
//
// Staff replies go to the account's current address when the thread belongs to an account (its
// owner may have changed address since writing), otherwise to the address the thread came from.

export type InboxFilter = ThreadStatus | "all";

export const SEARCH_WINDOW = 1000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const SAME_ADDRESS_LIMIT = 100;

type Result = { ok: true } | { ok: false; reason: "not-found" };

const newestFirst = [{ lastMessageAt: "desc" }, { id: "desc" }] satisfies Prisma.SupportThreadOrderByWithRelationInput[];

/** `sameAs`: a thread id — every thread of its correspondent (itself included); it takes precedence over `query`. */
export async function listInboxThreads(options: { status: InboxFilter; query?: string; sameAs?: string; limit?: number }): Promise<ThreadSummary[]> {
  const take = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const byStatus: Prisma.SupportThreadWhereInput = options.status === "all" ? {} : { status: options.status };
  const query = (options.query ?? "").trim().slice(0, 300);
  const select = summarySelect("staff");

  if (options.sameAs !== undefined) {
    const correspondent = await correspondentOf(options.sameAs);
    if (!correspondent) return [];
    const rows = await prisma.supportThread.findMany({ where: { ...byStatus, OR: correspondent }, orderBy: newestFirst, take, select });
    return rows.map(toSummary);
  }

  const exact = exactMatch(query);
  if (!query || exact) {
    const rows = await prisma.supportThread.findMany({ where: { ...byStatus, ...exact }, orderBy: newestFirst, take, select });
    return rows.map(toSummary);
  }

  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  const recent = await prisma.supportThread.findMany({ where: byStatus, orderBy: newestFirst, take: SEARCH_WINDOW, select: { id: true, subjectEncrypted: true, siteEncrypted: true } });
  const ids = recent
    .filter((row) => {
      const text = `${searchable(row.subjectEncrypted)}\n${row.siteEncrypted === null ? "" : searchable(row.siteEncrypted)}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .slice(0, take)
    .map((row) => row.id);
  const rows = await prisma.supportThread.findMany({ where: { id: { in: ids } }, orderBy: newestFirst, select });
  return rows.map(toSummary);
}

/** An unreadable value matches no word. */
function searchable(stored: string): string {
  const value = readField(stored);
  return value === UNREADABLE ? "" : value;
}

function exactMatch(query: string): Prisma.SupportThreadWhereInput | null {
  const reference = parseReference(query);
  if (reference) return { reference };
  if (isAddressQuery(query)) return { emailIndex: emailBlindIndex(query) };
  return null;
}

/** A search for an address (matched through its blind index, never put in a URL). */
export function isAddressQuery(query: string): boolean {
  return query.includes("@");
}

/** The same correspondent as a thread's: the same address, or the same account (under an earlier address). */
function sameCorrespondent(thread: { emailIndex: string; userId: string | null }): Prisma.SupportThreadWhereInput[] {
  return thread.userId ? [{ emailIndex: thread.emailIndex }, { userId: thread.userId }] : [{ emailIndex: thread.emailIndex }];
}

async function correspondentOf(threadId: string): Promise<Prisma.SupportThreadWhereInput[] | null> {
  const thread = await prisma.supportThread.findUnique({ where: { id: threadId }, select: { emailIndex: true, userId: true } });
  return thread ? sameCorrespondent(thread) : null;
}

/** For "every thread from <address>": the address of a thread's correspondent, decrypted for staff; null when the thread does not exist. */
export async function correspondentOfThread(threadId: string): Promise<{ email: string; hasAccount: boolean } | null> {
  const thread = await prisma.supportThread.findUnique({ where: { id: threadId }, select: { emailEncrypted: true, userId: true } });
  return thread ? { email: readField(thread.emailEncrypted), hasAccount: thread.userId !== null } : null;
}

/**
 * Where a typed search leads, with no address in it: an address becomes the id of its most
 * recent thread (`sameAs`), or "no thread from that address"; a reference or words stay a query.
 */
export async function resolveInboxSearch(query: string): Promise<{ sameAs: string } | { noThreadFromAddress: true } | { query: string }> {
  const trimmed = query.trim().slice(0, 300);
  if (!isAddressQuery(trimmed)) return { query: trimmed };
  const newest = await prisma.supportThread.findFirst({ where: { emailIndex: emailBlindIndex(trimmed) }, orderBy: newestFirst, select: { id: true } });
  return newest ? { sameAs: newest.id } : { noThreadFromAddress: true };
}

const recipientSelect = { emailEncrypted: true, emailIndex: true, user: { select: { emailEncrypted: true, emailIndex: true } } } satisfies Prisma.SupportThreadSelect;

/** Whose address a staff reply goes to: the thread's (no account), the account's (the same), or the account's new one. */
export type ReplyRecipient = "thread" | "account" | "account-changed";

/** Who a staff reply goes to: the account's current address for an account's thread, else the thread's own. */
function replyRecipient(thread: Prisma.SupportThreadGetPayload<{ select: typeof recipientSelect }>): { encrypted: string; whose: ReplyRecipient } {
  if (!thread.user) return { encrypted: thread.emailEncrypted, whose: "thread" };
  return { encrypted: thread.user.emailEncrypted, whose: thread.user.emailIndex === thread.emailIndex ? "account" : "account-changed" };
}

export type InboxThread = {
  thread: ThreadDetail;
  /** The correspondent's other threads, newest first. */
  sameAddress: ThreadSummary[];
  /** Where a staff reply is e-mailed, and whose address that is. */
  replyGoesTo: { email: string; whose: ReplyRecipient };
};

/** The thread with every message (notes included), the correspondent's other threads and where a reply goes. */
export async function getInboxThread(threadId: string): Promise<InboxThread | null> {
  const row = await prisma.supportThread.findUnique({ where: { id: threadId }, select: { ...summarySelect("staff"), ...recipientSelect } });
  if (!row) return null;
  const messages = await prisma.supportMessage.findMany({ ...messagesSelect("staff"), where: { threadId } });
  const others = await prisma.supportThread.findMany({
    where: { id: { not: threadId }, OR: sameCorrespondent(row) },
    orderBy: newestFirst,
    take: SAME_ADDRESS_LIMIT,
    select: summarySelect("staff"),
  });
  const recipient = replyRecipient(row);
  return {
    thread: toDetail(row, messages, "staff"),
    sameAddress: others.map(toSummary),
    replyGoesTo: { email: readField(recipient.encrypted), whose: recipient.whose },
  };
}

/**
 * The reply is stored with the e-mail that carries it (one transaction), then sent to the
 * account's current address or, for a thread of no account, the thread's; the thread waits for the customer. The e-mail holds this reply only, with the thread's
 * reference in the subject and its reply address as Reply-To.
 */
export async function replyAsStaff(staffUserId: string, threadId: string, body: string): Promise<Result> {
  const text = messageBody(body);
  const mailId = await prisma.$transaction(async (tx) => {
    const thread = await tx.supportThread.findUnique({ where: { id: threadId }, select: { reference: true, userId: true, subjectEncrypted: true, ...recipientSelect } });
    if (!thread) return null;
    const mail = renderSupportReplyMail({
      to: decryptField(replyRecipient(thread).encrypted),
      reference: thread.reference,
      replyTo: replyAddressFor(thread.reference),
      supportUrl: `${getAppUrl()}/support`,
      subject: decryptField(thread.subjectEncrypted),
      body: text,
    });
    const id = await storeMail(tx, mail, { kind: "support", userId: thread.userId ?? undefined });
    await tx.supportMessage.create({ data: { threadId, direction: "staff", channel: "inbox", bodyEncrypted: encryptField(text), authorId: staffUserId, mailId: id } });
    await tx.supportThread.update({ where: { id: threadId }, data: { status: "waiting", lastMessageAt: new Date() } });
    return id;
  });
  if (!mailId) return { ok: false, reason: "not-found" };
  await enqueueMail(mailId);
  return { ok: true };
}

/** Staff only, never sent. It does not touch the thread's status or last-message time, which customers see. */
export async function addInternalNote(staffUserId: string, threadId: string, note: string): Promise<Result> {
  const text = messageBody(note);
  return prisma.$transaction(async (tx) => {
    const thread = await tx.supportThread.findUnique({ where: { id: threadId }, select: { id: true } });
    if (!thread) return { ok: false, reason: "not-found" } as const;
    await tx.supportMessage.create({ data: { threadId, direction: "note", channel: "inbox", bodyEncrypted: encryptField(text), authorId: staffUserId } });
    return { ok: true } as const;
  });
}

export async function setThreadStatus(threadId: string, status: "open" | "closed"): Promise<Result> {
  const { count } = await prisma.supportThread.updateMany({ where: { id: threadId }, data: { status } });
  return count === 1 ? { ok: true } : { ok: false, reason: "not-found" };
}

/**
 * "On request" deletion of a thread that belongs to no account (an account's threads go with
 * the account: lib/account/delete-account.ts). Its messages go by cascade; the e-mails that
 * carried them (confirmation, staff replies) are deleted with it.
 */
export async function deleteThread(threadId: string): Promise<{ ok: true } | { ok: false; reason: "not-found" | "has-account" }> {
  return prisma.$transaction(async (tx) => {
    const thread = await tx.supportThread.findUnique({ where: { id: threadId }, select: { userId: true, emailIndex: true, messages: { select: { mailId: true } } } });
    if (!thread) return { ok: false, reason: "not-found" } as const;
    const account = thread.userId ?? (await tx.user.findUnique({ where: { emailIndex: thread.emailIndex }, select: { id: true } }))?.id;
    if (account) return { ok: false, reason: "has-account" } as const;
    const mailIds = thread.messages.flatMap((m) => (m.mailId ? [m.mailId] : []));
    await tx.supportThread.delete({ where: { id: threadId } });
    if (mailIds.length > 0) await tx.mail.deleteMany({ where: { id: { in: mailIds } } });
    return { ok: true } as const;
  });
}
