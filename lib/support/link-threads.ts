import { prisma } from "@/lib/db/prisma";

// A thread belongs to an account when its correspondent's address is the account's. Threads
// written before the address had an account (or before an account moved to it) are linked
// when it gets one, so they show as the account's in the inbox, are not deletable "on request"
// as if nobody owned them, and go with the account when it is deleted.

/** The query that links every unlinked thread of the address (by blind index) to the account. */
export function linkThreadsToAccount(userId: string, emailIndex: string) {
  return prisma.supportThread.updateMany({ where: { emailIndex, userId: null }, data: { userId } });
}
