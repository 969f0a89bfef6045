import { findUserById } from "@/lib/account/find-user";
import { getAppUrl } from "@/lib/config/env";
import { emailBlindIndex, normalizeEmail } from "@/lib/crypto/blind-index";
import { encryptField } from "@/lib/crypto/field-encryption";
import { Prisma, prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderSupportConfirmationMail } from "@/lib/mail/templates/support";
import { newReference } from "./reference";
import { replyAddressFor } from "./reply-address";
import { supportRequestSchema } from "./schemas";
import type { MessageChannel } from "./types";

// A message through the support form opens a thread: the thread (address, subject and site
// encrypted, the address also as its blind index), the first message and the confirmation
// e-mail are written in one transaction, then the e-mail's delivery job is queued.
// The confirmation's own row is linked to that first message (mailId), so deleting the
// thread on request deletes it too.
// A message sent signed out is stored with channel "web-anonymous": anyone can type any address
// into the public form, so wherever the thread ends up (an account's, now or once the address
// signs up) it is shown as "sent from the public form, not signed in", never as the account's own.

const threadInput = supportRequestSchema.omit({ "g-recaptcha-response": true });

/** Opens a thread with the first customer message, sends the confirmation e-mail (reference, Reply-To). userId when signed in (then email must be that account's); an anonymous sender whose address has an account gets the thread linked to that account. */
export async function openSupportThread(input: { email: string; subject: string; message: string; site?: string | null; userId?: string | null }): Promise<{ threadId: string; reference: string }> {
  // The actions validate with the same schema; a failure here is a caller's bug.
  const { email, subject, message, site } = threadInput.parse({ ...input, site: input.site ?? undefined });
  const emailIndex = emailBlindIndex(email);

  let userId: string | null;
  const channel: MessageChannel = input.userId ? "web" : "web-anonymous";
  if (input.userId) {
    const account = await findUserById(input.userId);
    if (!account) throw new Error("openSupportThread: the signed-in account no longer exists");
    if (normalizeEmail(account.email) !== normalizeEmail(email)) throw new Error("openSupportThread: a signed-in customer writes from their account's address");
    userId = account.id;
  } else {
    const owner = await prisma.user.findUnique({ where: { emailIndex }, select: { id: true } });
    userId = owner?.id ?? null;
  }

  for (let attempt = 1; ; attempt++) {
    const reference = newReference();
    try {
      const { threadId, mailId } = await prisma.$transaction(async (tx) => {
        const thread = await tx.supportThread.create({
          data: {
            reference,
            userId,
            emailEncrypted: encryptField(email),
            emailIndex,
            subjectEncrypted: encryptField(subject),
            siteEncrypted: site === undefined ? null : encryptField(site),
            status: "open",
          },
          select: { id: true },
        });
        const confirmation = renderSupportConfirmationMail({ to: email, reference, replyTo: replyAddressFor(reference), supportUrl: `${getAppUrl()}/support` });
        const mailId = await storeMail(tx, confirmation, { kind: "support", userId: userId ?? undefined });
        await tx.supportMessage.create({ data: { threadId: thread.id, direction: "customer", channel, bodyEncrypted: encryptField(message), mailId } });
        return { threadId: thread.id, mailId };
      });
      await enqueueMail(mailId);
      return { threadId, reference };
    } catch (error) {
      // Two threads drew the same reference (odds ~10^-12): draw again.
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 3) throw error;
    }
  }
}
