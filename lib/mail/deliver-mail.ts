import { decryptJson } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import { sendThroughMailjet } from "./mailjet-client";
import type { MailMessage } from "./types";

// Job handler: deliver one stored e-mail. Throwing makes the queue retry it later.

export async function deliverMail(mailId: string): Promise<void> {
  const mail = await prisma.mail.findUnique({ where: { id: mailId } });
  if (!mail || mail.status === "sent") return; // deleted with its account, or already delivered
  if (mail.transport === "outbox") {
    await prisma.mail.update({ where: { id: mailId }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 } } });
    return;
  }
  try {
    await sendThroughMailjet(decryptJson<MailMessage>(mail.payload), mail.id);
  } catch (error) {
    await prisma.mail.updateMany({
      where: { id: mailId },
      data: { attempts: { increment: 1 }, lastError: (error as Error).message.slice(0, 200) },
    });
    throw error;
  }
  await prisma.mail.updateMany({ where: { id: mailId }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
}
