import { prisma } from "@/lib/db/prisma";

// "All your data will be permanently deleted immediately": one transaction removes every row
// that belongs to the account. Rows that hang off the user (sessions, e-mail changes, mails
// linked to it, and later sites with their events) go by ON DELETE CASCADE; rows found only by
// the address (mail to it before it had an account, unused sign-in links) by its blind index.
// tests/integration/delete-account.test.ts walks every table to keep this true.

export async function deleteAccount(userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { emailIndex: true } });
    if (!user) return false;
    const pendingAddresses = await tx.emailChangeRequest.findMany({ where: { userId }, select: { newEmailIndex: true } });
    const indexes = [user.emailIndex, ...pendingAddresses.map((r) => r.newEmailIndex)];
    await tx.mail.deleteMany({ where: { OR: [{ userId }, { recipientIndex: { in: indexes } }] } });
    await tx.verificationToken.deleteMany({ where: { identifier: { in: indexes } } });
    await tx.user.delete({ where: { id: userId } });
    return true;
  });
}
