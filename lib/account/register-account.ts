import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { encryptField } from "@/lib/crypto/field-encryption";
import { Prisma, prisma } from "@/lib/db/prisma";
import { linkThreadsToAccount } from "@/lib/support/link-threads";

// Creates the account for an e-mail address (the only thing we ask for). Registering an
// address that already has an account is not an error: the caller sends a sign-in link
// either way and shows the same answer.

export async function registerAccount(email: string): Promise<{ userId: string; created: boolean }> {
  const emailIndex = emailBlindIndex(email);
  const existing = await prisma.user.findUnique({ where: { emailIndex }, select: { id: true } });
  if (existing) return { userId: existing.id, created: false };
  try {
    const user = await prisma.user.create({
      data: { emailEncrypted: encryptField(normalizeEmail(email)), emailIndex, termsAcceptedAt: new Date() },
      select: { id: true },
    });
    await linkThreadsToAccount(user.id, emailIndex); // support threads written before signing up
    return { userId: user.id, created: true };
  } catch (error) {
    // Two registrations of the same address at once: the other one won.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const user = await prisma.user.findUniqueOrThrow({ where: { emailIndex }, select: { id: true } });
      return { userId: user.id, created: false };
    }
    throw error;
  }
}
