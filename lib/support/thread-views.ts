import { decryptField } from "@/lib/crypto/field-encryption";
import type { Prisma } from "@/lib/db/prisma";
import type { DeliveryStatus, MessageDirection, SupportMessageView, ThreadDetail, ThreadSummary } from "./types";

// Rows → decrypted views, for both audiences. A customer's view leaves out internal notes
// entirely — not only their text but their count and time — and the staff's own addresses.

export type Audience = "customer" | "staff";

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
    subject: decryptField(row.subjectEncrypted),
    email: decryptField(row.emailEncrypted),
    site: row.siteEncrypted === null ? null : decryptField(row.siteEncrypted),
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
    body: decryptField(row.bodyEncrypted),
    createdAt: row.createdAt,
    authorEmail: audience === "staff" && row.author ? decryptField(row.author.emailEncrypted) : null,
    delivery: deliveryOf(row.direction, row.mail?.status),
  };
}

export function toDetail(row: SummaryRow, messages: MessageRow[], audience: Audience): ThreadDetail {
  return { ...toSummary(row), messages: messages.map((m) => toMessageView(m, audience)) };
}
