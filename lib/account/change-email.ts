import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashToken, newToken } from "@/lib/crypto/hash-token";
import { getAppUrl } from "@/lib/config/env";
import { Prisma, prisma } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { renderEmailChangeMail } from "@/lib/mail/templates/email-change";
import { moveOwnReportSubscriptions } from "@/lib/reports/subscriptions";
import { linkThreadsToAccount } from "@/lib/support/link-threads";

// Changing the account's address: a link goes to the NEW address, and only opening it
// switches the account over. Until then the old address stays in use. The switch moves what
// was sent to the account's address with it: the owner's own report subscriptions.

const HOURS_VALID = 24;

export type ChangeEmailResult = { ok: true } | { ok: false; message: string };

export async function requestEmailChange(userId: string, newEmail: string): Promise<ChangeEmailResult> {
  const newEmailIndex = emailBlindIndex(newEmail);
  const owner = await prisma.user.findUnique({ where: { emailIndex: newEmailIndex }, select: { id: true } });
  if (owner?.id === userId) return { ok: false, message: "That is already your e-mail address." };
  if (owner) return { ok: false, message: "That address belongs to another MiniStat account." };

  const token = newToken();
  await prisma.$transaction([
    prisma.emailChangeRequest.deleteMany({ where: { userId } }),
    prisma.emailChangeRequest.create({
      data: {
        userId,
        newEmailEncrypted: encryptField(normalizeEmail(newEmail)),
        newEmailIndex,
        tokenHash: hashToken(token),
        expires: new Date(Date.now() + HOURS_VALID * 3_600_000),
      },
    }),
  ]);
  const url = `${getAppUrl()}/settings/email/confirm?token=${encodeURIComponent(token)}`;
  await sendMail(renderEmailChangeMail(normalizeEmail(newEmail), url, HOURS_VALID), { kind: "email-change", userId });
  return { ok: true };
}

export async function confirmEmailChange(token: string): Promise<ChangeEmailResult> {
  const request = await prisma.emailChangeRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!request || request.expires < new Date()) {
    if (request) await prisma.emailChangeRequest.delete({ where: { id: request.id } });
    return { ok: false, message: "This confirmation link has expired or was already used. Ask for a new one in Settings." };
  }
  try {
    const newEmail = decryptField(request.newEmailEncrypted);
    await prisma.$transaction([
      // Before the user row changes: these find the owner's subscriptions by the old address.
      ...moveOwnReportSubscriptions(request.userId, newEmail, request.newEmailIndex),
      prisma.user.update({
        where: { id: request.userId },
        data: { emailEncrypted: encryptField(newEmail), emailIndex: request.newEmailIndex, emailVerified: new Date() },
      }),
      prisma.emailChangeRequest.deleteMany({ where: { userId: request.userId } }),
      linkThreadsToAccount(request.userId, request.newEmailIndex),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, message: "That address now belongs to another MiniStat account." };
    }
    throw error;
  }
  return { ok: true };
}
