import { encryptField } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import { prisma } from "@/lib/db/prisma";
import { messageBody } from "./message-body";
import { messagesSelect, summarySelect, toDetail, toSummary } from "./thread-views";
import type { ThreadDetail, ThreadSummary } from "./types";

// A signed-in customer's own threads under /support. Every query is scoped to the account:
// threads linked to it, and threads from its current address that belong to no account
// (written before the account existed). A thread id that is not theirs reads as "not found",
// exactly like one that does not exist. Internal notes never leave the staff inbox.

async function customerScope(userId: string): Promise<Prisma.SupportThreadWhereInput | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { emailIndex: true } });
  if (!user) return null;
  // Not "any thread from this address": one linked to another account (which used this
  // address before changing it) stays that account's.
  return { OR: [{ userId }, { userId: null, emailIndex: user.emailIndex }] };
}

export async function listCustomerThreads(userId: string): Promise<ThreadSummary[]> {
  const scope = await customerScope(userId);
  if (!scope) return [];
  const rows = await prisma.supportThread.findMany({ where: scope, orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }], take: 500, select: summarySelect("customer") });
  return rows.map(toSummary);
}

/** Notes excluded; null when the thread is not theirs (or does not exist). */
export async function getCustomerThread(userId: string, threadId: string): Promise<ThreadDetail | null> {
  const scope = await customerScope(userId);
  if (!scope) return null;
  const row = await prisma.supportThread.findFirst({ where: { AND: [{ id: threadId }, scope] }, select: summarySelect("customer") });
  if (!row) return null;
  const messages = await prisma.supportMessage.findMany({ ...messagesSelect("customer"), where: { threadId, ...messagesSelect("customer").where } });
  return toDetail(row, messages, "customer");
}

/** Appends the customer's message; a waiting or closed thread is open again (the staff's turn). */
export async function replyAsCustomer(userId: string, threadId: string, body: string): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  const text = messageBody(body);
  const scope = await customerScope(userId);
  if (!scope) return { ok: false, reason: "not-found" };
  return prisma.$transaction(async (tx) => {
    const thread = await tx.supportThread.findFirst({ where: { AND: [{ id: threadId }, scope] }, select: { id: true } });
    if (!thread) return { ok: false, reason: "not-found" } as const;
    await tx.supportMessage.create({ data: { threadId, direction: "customer", channel: "web", bodyEncrypted: encryptField(text) } });
    await tx.supportThread.update({ where: { id: threadId }, data: { status: "open", lastMessageAt: new Date() } });
    return { ok: true } as const;
  });
}
