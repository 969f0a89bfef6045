import { decryptJson } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import { sendThroughMailjet } from "./mailjet-client";
import type { MailMessage } from "./types";

// Job handler: deliver one stored e-mail. Throwing makes the queue retry it later.
//
// The mail's row is locked (FOR UPDATE SKIP LOCKED) for the length of one attempt, so two
// delivery jobs for the same mail — a sweep that re-enqueued it on another instance — never
// both send it: the second finds it locked (or sent) and leaves it to the first.

const ATTEMPT_TIMEOUT_MS = 30_000; // Mailjet's client gives up after 10 s

type MailRow = { status: string; transport: string; payload: string };

export async function deliverMail(mailId: string): Promise<void> {
  const failure = await prisma.$transaction(
    async (tx) => {
      const [mail] = await tx.$queryRaw<MailRow[]>`
        SELECT status::text, transport::text, payload FROM mails WHERE id = ${mailId} FOR UPDATE SKIP LOCKED`;
      // Deleted with its account, being delivered by another job, or already delivered.
      if (!mail || mail.status !== "queued") return null;
      if (mail.transport === "mailjet") {
        try {
          await sendThroughMailjet(decryptJson<MailMessage>(mail.payload), mailId);
        } catch (error) {
          const message = (error as Error).message.slice(0, 200); // never holds the address or the text
          await tx.mail.update({ where: { id: mailId }, data: { attempts: { increment: 1 }, lastError: message } });
          return error as Error;
        }
      }
      await tx.mail.update({ where: { id: mailId }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      return null;
    },
    { timeout: ATTEMPT_TIMEOUT_MS, maxWait: ATTEMPT_TIMEOUT_MS },
  );
  if (failure) throw failure;
}

/** The last retry failed too: the mail shows as failed (support staff see it) and is never sent by itself again. */
export async function markMailFailed(mailId: string): Promise<void> {
  await prisma.mail.updateMany({ where: { id: mailId, status: "queued" }, data: { status: "failed" } });
}
