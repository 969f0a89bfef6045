import { decryptJson } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import type { MailMessage } from "./types";

export type OutboxEntry = MailMessage & { id: string; kind: string; status: string; createdAt: Date };

/** The newest mails of the local outbox (development only: /dev/mailbox). */
export async function listOutbox(limit = 50): Promise<OutboxEntry[]> {
  const rows = await prisma.mail.findMany({ where: { transport: "outbox" }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => ({ ...decryptJson<MailMessage>(row.payload), id: row.id, kind: row.kind, status: row.status, createdAt: row.createdAt }));
}
