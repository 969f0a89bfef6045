import { getEnv } from "@/lib/config/env";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { encryptJson } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import type { MailKind, MailMessage } from "./types";

// The one way to send an e-mail. The message is stored encrypted and a job delivers it
// (Mailjet when configured, else the local outbox at /dev/mailbox), retrying with back-off
// when Mailjet fails, so nothing is lost when the provider is down.

export const MAIL_RETRY_LIMIT = 8;

export async function sendMail(message: MailMessage, meta: { kind: MailKind; userId?: string }): Promise<string> {
  const env = getEnv();
  const mail = await prisma.mail.create({
    data: {
      userId: meta.userId ?? null,
      recipientIndex: emailBlindIndex(message.to),
      payload: encryptJson(message),
      kind: meta.kind,
      transport: env.MAILJET_API_KEY ? "mailjet" : "outbox",
    },
    select: { id: true },
  });
  await enqueue(QUEUES.sendMail, { mailId: mail.id }, {
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelay: env.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    singletonKey: mail.id,
  });
  return mail.id;
}
