import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { findUserByEmail, findUserById, toAccount } from "@/lib/account/find-user";
import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashToken } from "@/lib/crypto/hash-token";
import { Prisma, prisma } from "@/lib/db/prisma";

// Auth.js adapter over our own tables. Differences from @auth/prisma-adapter, on purpose:
// - the e-mail is stored only encrypted, found through its blind index;
// - a verification token's identifier is the blind index, not the address;
// - a session is stored as the SHA-256 of its cookie token.
// No OAuth accounts: sign-in is by magic link only.

const toAdapterUser = (a: { id: string; email: string; emailVerified: Date | null }): AdapterUser => ({
  id: a.id,
  email: a.email,
  emailVerified: a.emailVerified,
});

function toAdapterSession(row: { userId: string; expires: Date }, sessionToken: string): AdapterSession {
  return { sessionToken, userId: row.userId, expires: row.expires };
}

// A token that is unknown, tampered with or already used is simply not there.
function nullWhenMissing(error: unknown): null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
  throw error;
}

export function createAuthAdapter(): Adapter {
  return {
    async createUser(user) {
      const row = await prisma.user.create({
        data: {
          emailEncrypted: encryptField(normalizeEmail(user.email)),
          emailIndex: emailBlindIndex(user.email),
          emailVerified: user.emailVerified,
        },
      });
      return toAdapterUser(toAccount(row));
    },
    async getUser(id) {
      const account = await findUserById(id);
      return account ? toAdapterUser(account) : null;
    },
    async getUserByEmail(email) {
      const account = await findUserByEmail(email);
      return account ? toAdapterUser(account) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const row = await prisma.user.update({
        where: { id: user.id },
        data: {
          ...(user.email ? { emailEncrypted: encryptField(normalizeEmail(user.email)), emailIndex: emailBlindIndex(user.email) } : {}),
          ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
        },
      });
      return toAdapterUser(toAccount(row));
    },
    async deleteUser(userId) {
      await prisma.user.deleteMany({ where: { id: userId } });
    },
    async createSession(session) {
      const row = await prisma.session.create({
        data: { tokenHash: hashToken(session.sessionToken), userId: session.userId, expires: session.expires },
      });
      return toAdapterSession(row, session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const row = await prisma.session.findUnique({ where: { tokenHash: hashToken(sessionToken) }, include: { user: true } });
      if (!row) return null;
      return { session: toAdapterSession(row, sessionToken), user: toAdapterUser(toAccount(row.user)) };
    },
    async updateSession(session) {
      const rows = await prisma.session.updateManyAndReturn({
        where: { tokenHash: hashToken(session.sessionToken) },
        data: { ...(session.expires ? { expires: session.expires } : {}) },
      });
      const row = rows[0];
      return row ? toAdapterSession(row, session.sessionToken) : null;
    },
    async deleteSession(sessionToken) {
      await prisma.session.deleteMany({ where: { tokenHash: hashToken(sessionToken) } });
    },
    async createVerificationToken(token) {
      await prisma.verificationToken.create({
        data: {
          token: token.token,
          identifier: emailBlindIndex(token.identifier),
          identifierEncrypted: encryptField(normalizeEmail(token.identifier)),
          expires: token.expires,
        },
      });
      return token;
    },
    // Found by the token hash alone: the link carries no e-mail address.
    async useVerificationToken({ token }) {
      const row = await prisma.verificationToken.delete({ where: { token } }).catch(nullWhenMissing);
      return row ? { identifier: decryptField(row.identifierEncrypted), token: row.token, expires: row.expires } : null;
    },
  };
}
