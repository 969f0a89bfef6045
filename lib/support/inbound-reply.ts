import { z } from "zod";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { encryptField } from "@/lib/crypto/field-encryption";
import { prisma, type Prisma } from "@/lib/db/prisma";
import { replyText } from "./inbound-text";
import { referenceFromReplyAddress } from "./reply-address";
import { readField } from "./thread-views";
import { SUPPORT_LIMITS } from "./types";

// A customer answered a support e-mail: Mailjet's Parse API posts the parsed e-mail as JSON
// (https://dev.mailjet.com/email/guides/parse-api/ — Sender, Recipient, From, Subject,
// Headers, Parts, Text-part, Html-part, AttachmentN, SpamAssassinScore …) to
// /api/mail/inbound. The reply is appended to its thread, which is open again.
//
// Accepted only when
//  - one of the addresses it was sent to (Recipient, To, Cc) is a thread's signed reply
//    address (reply-address.ts) — otherwise 404, nothing stored: a guessed or forged
//    reference, or a thread deleted meanwhile;
//  - it comes From the thread's own correspondent: the thread's address or, for an account's
//    thread, the account's current address (compared through the blind index). From can be
//    forged; the signed address keeps strangers out.
// A reply to a valid address From anyone else (a work alias, a forwarding mailbox — or whoever
// got hold of a forwarded e-mail) is not the customer's message: it is kept as an internal
// note, "Reply from another address, not verified: <address>" and its text, for staff to judge
// and answer through the normal path. The whole note is encrypted like every body (the other
// address is stored nowhere else); the thread's status and last-message time do not change,
// the customer sees nothing, and nobody is mailed (no backscatter to a possibly forged sender).
// The stored text is the reply without the quoted history (inbound-text.ts), at most
// SUPPORT_LIMITS.message characters; attachments are not kept (the message says how many
// there were). A payload posted twice (Mailjet retries when our answer is lost) is stored once.
// Any other refusal (no text, a bad payload) answers 4xx with nothing stored.
// Nothing here logs the text, the subject or any address.

const header = z.union([z.string(), z.array(z.string())]);
const address = z.string().max(2000);

const payloadSchema = z.looseObject({
  Recipient: address.min(1),
  Sender: address.optional(),
  From: address.min(1),
  Subject: z.string().max(5000).optional(),
  Headers: z.record(z.string(), header).optional(),
  Parts: z.array(z.looseObject({ ContentRef: z.string().nullish() })).max(1000).optional(),
  "Text-part": z.string().optional(),
  "Html-part": z.string().optional(),
});

type Payload = z.infer<typeof payloadSchema>;
type Outcome = { status: 200 | 400 | 404 | 422; message: string };

const ADDRESS = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g;
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

function headerValues(payload: Payload, name: string): string[] {
  const entry = Object.entries(payload.Headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
  if (!entry) return [];
  return Array.isArray(entry[1]) ? entry[1] : [entry[1]];
}

function addressesIn(values: string[]): string[] {
  return values.flatMap((value) => value.slice(0, 10_000).match(ADDRESS) ?? []);
}

function referenceOf(payload: Payload): string | null {
  const candidates = addressesIn([payload.Recipient, ...headerValues(payload, "To"), ...headerValues(payload, "Cc")]);
  for (const candidate of candidates.slice(0, 50)) {
    const reference = referenceFromReplyAddress(candidate);
    if (reference) return reference;
  }
  return null;
}

function senderOf(payload: Payload): string | null {
  return addressesIn([payload.From]).at(-1) ?? null;
}

function bounded(text: string, attachments: number): string {
  const note = attachments > 0 ? `\n\n[${attachments} attachment${attachments === 1 ? "" : "s"} not kept]` : "";
  const room = SUPPORT_LIMITS.message - note.length;
  const shortened = "\n\n[shortened: the e-mail was longer]";
  const body = text.length > room ? `${text.slice(0, room - shortened.length).trimEnd()}${shortened}` : text;
  return `${body}${note}`.trim();
}

/** Mailjet Parse API payload → appended to its thread (reopens it). */
export async function receiveInboundReply(payload: unknown): Promise<Outcome> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { status: 400, message: "Not a Mailjet Parse API payload (Recipient and From are required)." };
  const mail = parsed.data;

  const reference = referenceOf(mail);
  if (!reference) return { status: 404, message: "No support conversation has this reply address." };
  const thread = await prisma.supportThread.findUnique({ where: { reference }, select: { id: true, emailIndex: true, user: { select: { emailIndex: true } } } });
  if (!thread) return { status: 404, message: "No support conversation has this reply address." };

  const attachments = (mail.Parts ?? []).filter((part) => part.ContentRef?.startsWith("Attachment")).length;
  const text = replyText({ text: mail["Text-part"], html: mail["Html-part"] });
  if (!text && attachments === 0) return { status: 422, message: "The e-mail has no text." };

  const sender = senderOf(mail);
  const senderIndex = sender ? emailBlindIndex(sender) : null;
  const fromCorrespondent = senderIndex !== null && (senderIndex === thread.emailIndex || senderIndex === thread.user?.emailIndex);
  if (!fromCorrespondent) return storeUnverifiedReply(thread.id, sender, text, attachments);

  const body = bounded(text, attachments);
  return prisma.$transaction(async (tx) => {
    await lockThread(tx, thread.id);
    const last = await tx.supportMessage.findFirst({ where: { threadId: thread.id, direction: { not: "note" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { direction: true, channel: true, bodyEncrypted: true, createdAt: true } });
    const repeated = last?.direction === "customer" && last.channel === "email" && recent(last.createdAt) && readField(last.bodyEncrypted) === body;
    if (repeated) return { status: 200, message: "Already received." } as const;
    await tx.supportMessage.create({ data: { threadId: thread.id, direction: "customer", channel: "email", bodyEncrypted: encryptField(body) } });
    await tx.supportThread.update({ where: { id: thread.id }, data: { status: "open", lastMessageAt: new Date() } });
    return { status: 200, message: "Added to the conversation." } as const;
  });
}

/** Staff only: an internal note with the unverified sender and the text; the thread is otherwise untouched. */
async function storeUnverifiedReply(threadId: string, sender: string | null, text: string, attachments: number): Promise<Outcome> {
  const heading = `Reply from another address, not verified: ${sender ?? "(no readable sender address)"}`;
  const body = bounded(`${heading}\n\n${text}`, attachments);
  return prisma.$transaction(async (tx) => {
    await lockThread(tx, threadId);
    const notes = await tx.supportMessage.findMany({ where: { threadId, direction: "note", channel: "email", createdAt: { gte: new Date(Date.now() - DUPLICATE_WINDOW_MS) } }, select: { bodyEncrypted: true } });
    if (notes.some((note) => readField(note.bodyEncrypted) === body)) return { status: 200, message: "Already received." } as const;
    await tx.supportMessage.create({ data: { threadId, direction: "note", channel: "email", bodyEncrypted: encryptField(body) } });
    return { status: 200, message: "Kept for staff as an unverified reply: it does not come from the conversation's correspondent." } as const;
  });
}

/** One delivery at a time per thread, so that a retry racing the first post is seen. */
async function lockThread(tx: Prisma.TransactionClient, threadId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM support_threads WHERE id = ${threadId} FOR UPDATE`;
}

function recent(at: Date): boolean {
  return Date.now() - at.getTime() < DUPLICATE_WINDOW_MS;
}
