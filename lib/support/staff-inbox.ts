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

export type InboxFilter = ThreadStatus | "all";

export const SEARCH_WINDOW = 1000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const SAME_ADDRESS_LIMIT = 100;

type Result = { ok: true } | { ok: false; reason: "not-found" };

const newestFirst = [{ lastMessageAt: "desc" }, { id: "desc" }] satisfies Prisma.SupportThreadOrderByWithRelationInput[];

export async function listInboxThreads(options: { status: InboxFilter; query?: string; limit?: number }): Promise<ThreadSummary[]> {
  const take = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const byStatus: Prisma.SupportThreadWhereInput = options.status === "all" ? {} : { status: options.status };
  const query = (options.query ?? "").trim().slice(0, 300);
  const select = summarySelect("staff");

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
  if (query.includes("@")) return { emailIndex: emailBlindIndex(query) };
  return null;
}

/** The thread with every message (notes included) and the correspondent's other threads, newest first. */
export async function getInboxThread(threadId: string): Promise<{ thread: ThreadDetail; sameAddress: ThreadSummary[] } | null> {
  const row = await prisma.supportThread.findUnique({ where: { id: threadId }, select: { ...summarySelect("staff"), emailIndex: true } });
  if (!row) return null;
  const messages = await prisma.supportMessage.findMany({ ...messagesSelect("staff"), where: { threadId } });
  // The same correspondent: the same address, or the same account (under an earlier address).
  const sameCorrespondent: Prisma.SupportThreadWhereInput[] = [{ emailIndex: row.emailIndex }];
  if (row.userId) sameCorrespondent.push({ userId: row.userId });
  const others = await prisma.supportThread.findMany({
    where: { id: { not: threadId }, OR: sameCorrespondent },
    orderBy: newestFirst,
    take: SAME_ADDRESS_LIMIT,
    select: summarySelect("staff"),
  });
  return { thread: toDetail(row, messages, "staff"), sameAddress: others.map(toSummary) };
}

/**
 * The reply is stored with the e-mail that carries it (one transaction), then sent; the
 * thread waits for the customer. The e-mail holds this reply only, with the thread's
 * reference in the subject and its reply address as Reply-To.
 */
export async function replyAsStaff(staffUserId: string, threadId: string, body: string): Promise<Result> {
  const text = messageBody(body);
  const mailId = await prisma.$transaction(async (tx) => {
    const thread = await tx.supportThread.findUnique({ where: { id: threadId }, select: { reference: true, userId: true, emailEncrypted: true, subjectEncrypted: true } });
    if (!thread) return null;
    const mail = renderSupportReplyMail({
      to: decryptField(thread.emailEncrypted),
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
