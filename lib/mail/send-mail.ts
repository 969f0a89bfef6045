import { getEnv } from "@/lib/config/env";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { encryptJson } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import type { MailKind, MailMessage } from "./types";

// The one way to send an e-mail. The message is stored encrypted and a job delivers it
// (Mailjet when configured, else the local outbox at /dev/mailbox), retrying with back-off
// when Mailjet fails, so nothing is lost when the provider is down.
//
// sendMail stores and enqueues at once. A caller that must store the mail together with its
// own rows (a support reply and its message, a report and its "sent for this period" row)
// calls storeMail inside its transaction and enqueueMail after the commit; a crash between
// the two leaves a queued mail without a job, which requeueStrandedMails picks up.

/** With MAIL_RETRY_DELAY_SECONDS=30 the retries span about 1.5–3 days: a day-long Mailjet outage loses nothing. */
export const MAIL_RETRY_LIMIT = 12;

type MailMeta = { kind: MailKind; userId?: string };

export async function sendMail(message: MailMessage, meta: MailMeta): Promise<string> {
  const id = await storeMail(prisma, message, meta);
  await enqueueMail(id);
  return id;
}

/** Stores the encrypted mail (in the caller's transaction when `db` is one); call enqueueMail after the commit. */
export async function storeMail(db: Prisma.TransactionClient, message: MailMessage, meta: MailMeta): Promise<string> {
  const mail = await db.mail.create({
    data: {
      userId: meta.userId ?? null,
      recipientIndex: emailBlindIndex(message.to),
      payload: encryptJson(message),
      kind: meta.kind,
      transport: getEnv().MAILJET_API_KEY ? "mailjet" : "outbox",
    },
    select: { id: true },
  });
  return mail.id;
}

export async function enqueueMail(mailId: string): Promise<void> {
  const env = getEnv();
  await enqueue(QUEUES.sendMail, { mailId }, {
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelay: env.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    singletonKey: mailId,
  });
}

/**
 * Mails never attempted `olderThanSeconds` after they were stored that have no delivery job
 * (the process died between a commit and enqueueMail) get one now. Returns how many. A mail
 * that was attempted has a job whose retries own it; when they run out it is marked failed.
 */
export async function requeueStrandedMails(olderThanSeconds = 120): Promise<number> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT m.id FROM mails m
      WHERE m.status = 'queued' AND m.attempts = 0 AND m.created_at < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1)
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $2 AND j.singleton_key = m.id)
        AND NOT EXISTS (SELECT 1 FROM pgboss.archive a WHERE a.name = $2 AND a.singleton_key = m.id)
      LIMIT 500`,
    [olderThanSeconds, QUEUES.sendMail],
  );
  for (const row of rows) await enqueueMail(row.id);
  return rows.length;
}
