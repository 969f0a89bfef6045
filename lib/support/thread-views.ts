import { decryptField } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import type { DeliveryStatus, MessageDirection, SupportMessageView, ThreadDetail, ThreadSummary } from "./types";

// Rows → decrypted views, for both audiences. A customer's view leaves out internal notes
// entirely — not only their text but their count and time — and the staff's own addresses.
// A value that cannot be decrypted (its key was taken out of ENCRYPTION_KEYS too early) shows
// as UNREADABLE instead of taking the whole inbox down; the first such failure is logged.

export type Audience = "customer" | "staff";

export const UNREADABLE = "[unreadable: its encryption key is not configured]";
let reportedUnreadable = false;

/** The decrypted value, or UNREADABLE. */
export function readField(stored: string): string {
  try {
    return decryptField(stored);
  } catch (error) {
    if (!reportedUnreadable) {
      reportedUnreadable = true;
      console.error(`[support] a stored value could not be decrypted (${error instanceof Error ? error.message : String(error)}); shown as unreadable`);
    }
    return UNREADABLE;
  }
}

const customerVisible = { direction: { not: "note" } } satisfies Prisma.SupportMessageWhereInput;

export function visibleMessages(audience: Audience): Prisma.SupportMessageWhereInput {
  return audience === "customer" ? customerVisible : {};
}

export function summarySelect(audience: Audience) {
  const where = visibleMessages(audience);
  return {
    id: true,
    reference: true,
    userId: true,
    emailEncrypted: true,
    subjectEncrypted: true,
    siteEncrypted: true,
    status: true,
    createdAt: true,
    lastMessageAt: true,
    _count: { select: { messages: { where } } },
    messages: { where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { direction: true } },
  } satisfies Prisma.SupportThreadSelect;
}

export type SummaryRow = Prisma.SupportThreadGetPayload<{ select: ReturnType<typeof summarySelect> }>;

export function toSummary(row: SummaryRow): ThreadSummary {
  return {
    id: row.id,
    reference: row.reference,
    subject: readField(row.subjectEncrypted),
    email: readField(row.emailEncrypted),
    site: row.siteEncrypted === null ? null : readField(row.siteEncrypted),
    status: row.status,
    createdAt: row.createdAt,
    lastMessageAt: row.lastMessageAt,
    messageCount: row._count.messages,
    hasAccount: row.userId !== null,
    lastDirection: row.messages[0]?.direction ?? "customer",
  };
}

export function messagesSelect(audience: Audience) {
  return {
    where: visibleMessages(audience),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      direction: true,
      channel: true,
      bodyEncrypted: true,
      createdAt: true,
      author: { select: { emailEncrypted: true } },
      mail: { select: { status: true } },
    },
  } satisfies Prisma.SupportThread$messagesArgs;
}

type MessageRow = Prisma.SupportMessageGetPayload<{ select: ReturnType<typeof messagesSelect>["select"] }>;

function deliveryOf(direction: MessageDirection, mailStatus: DeliveryStatus | undefined): DeliveryStatus | null {
  if (direction === "customer") return "received";
  if (direction === "staff") return mailStatus ?? null;
  return null;
}

export function toMessageView(row: MessageRow, audience: Audience): SupportMessageView {
  return {
    id: row.id,
    direction: row.direction,
    channel: row.channel as SupportMessageView["channel"],
    body: readField(row.bodyEncrypted),
    createdAt: row.createdAt,
    authorEmail: audience === "staff" && row.author ? readField(row.author.emailEncrypted) : null,
    delivery: deliveryOf(row.direction, row.mail?.status),
  };
}

export function toDetail(row: SummaryRow, messages: MessageRow[], audience: Audience): ThreadDetail {
  return { ...toSummary(row), messages: messages.map((m) => toMessageView(m, audience)) };
}
