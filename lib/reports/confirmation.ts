import { hashToken } from "@/lib/crypto/hash-token";
import { prisma } from "@/lib/db/prisma";
import type { ReportFrequency } from "./periods";

// Confirming an address the owner added. The link's token is random and stored only as its
// SHA-256 (confirm_token_hash); it works for CONFIRM_DAYS from when the link was sent
// (created_at, reset when the owner sends it again), once. An address that is not confirmed in
// time is deleted (deleteExpiredConfirmations, run with the reports), so nothing is kept about
// someone who never agreed. Opening the link (GET) only shows a page: confirming takes its
// button (POST), so a mail scanner that fetches every link cannot subscribe anyone.

export const CONFIRM_DAYS = 7;
const CONFIRM_MS = CONFIRM_DAYS * 86_400_000;

export function confirmationExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CONFIRM_MS);
}

export type ConfirmationLookup =
  | { ok: true; domain: string; frequency: ReportFrequency }
  | { ok: false; reason: "invalid" | "expired" };

type Pending =
  | { ok: true; id: string; domain: string; frequency: ReportFrequency }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; id: string };

async function findPending(token: string, now: Date): Promise<Pending> {
  if (token.length < 20 || token.length > 200) return { ok: false, reason: "invalid" };
  const row = await prisma.reportSubscription.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, frequency: true, createdAt: true, site: { select: { domain: true } } },
  });
  if (!row) return { ok: false, reason: "invalid" };
  if (confirmationExpiresAt(row.createdAt) <= now) return { ok: false, reason: "expired", id: row.id };
  return { ok: true, id: row.id, domain: row.site.domain, frequency: row.frequency };
}

/** What the confirmation link is for, without changing anything (the GET page). */
export async function describeConfirmation(token: string, now = new Date()): Promise<ConfirmationLookup> {
  const found = await findPending(token, now);
  return found.ok ? { ok: true, domain: found.domain, frequency: found.frequency } : { ok: false, reason: found.reason };
}

/** Confirms the address (the POST). An expired link deletes the pending address. */
export async function confirmReportSubscription(token: string, now = new Date()): Promise<ConfirmationLookup> {
  const found = await findPending(token, now);
  if (!found.ok) {
    if (found.reason === "expired") await prisma.reportSubscription.deleteMany({ where: { id: found.id, confirmedAt: null } });
    return { ok: false, reason: found.reason };
  }
  // Only the holder of this very token confirms: a link sent again in between replaced it.
  const { count } = await prisma.reportSubscription.updateMany({
    where: { id: found.id, confirmTokenHash: hashToken(token) },
    data: { confirmedAt: now, confirmTokenHash: null },
  });
  return count === 1 ? { ok: true, domain: found.domain, frequency: found.frequency } : { ok: false, reason: "invalid" };
}

/** Deletes addresses whose confirmation link expired unused. Returns how many. */
export async function deleteExpiredConfirmations(now = new Date()): Promise<number> {
  const { count } = await prisma.reportSubscription.deleteMany({ where: { confirmedAt: null, createdAt: { lte: new Date(now.getTime() - CONFIRM_MS) } } });
  return count;
}
