import { prisma } from "@/lib/db/prisma";

/** Ends every session of the user, on every device (database sessions are revocable). */
export async function signOutEverywhere(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
