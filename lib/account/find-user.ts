import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptField } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";

export type Account = { id: string; email: string; emailVerified: Date | null; createdAt: Date };

type UserRow = { id: string; emailEncrypted: string; emailVerified: Date | null; createdAt: Date };

export function toAccount(row: UserRow): Account {
  return { id: row.id, email: decryptField(row.emailEncrypted), emailVerified: row.emailVerified, createdAt: row.createdAt };
}

export async function findUserByEmail(email: string): Promise<Account | null> {
  const row = await prisma.user.findUnique({ where: { emailIndex: emailBlindIndex(email) } });
  return row ? toAccount(row) : null;
}

export async function findUserById(id: string): Promise<Account | null> {
  const row = await prisma.user.findUnique({ where: { id } });
  return row ? toAccount(row) : null;
}
