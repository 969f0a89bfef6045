import { hashToken } from "@/lib/crypto/hash-token";
import { prisma } from "@/lib/db/prisma";
import { deleteDeadReportMails, deleteSubscriptionsWithMails } from "./delete-subscriptions";
import type { ReportFrequency } from "./periods";

// Confirming an address the owner added. The link's token is random and stored only as its
// SHA-256 (confirm_token_hash); it works for CONFIRM_DAYS from when the link was sent
// (created_at, reset when the owner sends it again), once; once used, its e-mail is deleted.
// An address that is not confirmed in time is deleted with its confirmation e-mail
// (deleteExpiredConfirmations, run with the reports; delete-subscriptions.ts). What stays about
// someone who never agreed is a trace that a link went to them, for 24 hours from sending,
// holding their blind index but not their address (recipient-traces.ts). Opening the link
// (GET) only shows a page: confirming takes its button (POST), so a mail scanner that fetches
// every link cannot subscribe anyone.

export const CONFIRM_DAYS = 7;
const CONFIRM_MS = CONFIRM_DAYS * 86_400_000;

export function confirmationExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CONFIRM_MS);
}

export type ConfirmationLookup =
  | { ok: true; domain: string; frequency: ReportFrequency }
  | { ok: false; reason: "invalid" | "expired" };

type Pending =
  | { ok: true; id: string; domain: string; frequency: ReportFrequency; siteId: string; owner: string; emailIndex: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; id: string };

async function findPending(token: string, now: Date): Promise<Pending> {
  if (token.length < 20 || token.length > 200) return { ok: false, reason: "invalid" };
  const row = await prisma.reportSubscription.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, siteId: true, emailIndex: true, frequency: true, createdAt: true, site: { select: { domain: true, userId: true } } },
  });
  if (!row) return { ok: false, reason: "invalid" };
  if (confirmationExpiresAt(row.createdAt) <= now) return { ok: false, reason: "expired", id: row.id };
  return { ok: true, id: row.id, domain: row.site.domain, frequency: row.frequency, siteId: row.siteId, owner: row.site.userId, emailIndex: row.emailIndex };
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
    if (found.reason === "expired") await prisma.$transaction((tx) => deleteSubscriptionsWithMails(tx, { id: found.id, confirmedAt: null }));
    return { ok: false, reason: found.reason };
  }
  // Only the holder of this very token confirms: a link sent again in between replaced it.
  const { count } = await prisma.reportSubscription.updateMany({
    where: { id: found.id, confirmTokenHash: hashToken(token) },
    data: { confirmedAt: now, confirmTokenHash: null },
  });
  if (count !== 1) return { ok: false, reason: "invalid" };
  // The link is used: its mail goes (a 24-hour trace stays, recipient-traces.ts).
  await prisma.$transaction((tx) => deleteDeadReportMails(tx, found.owner, found.emailIndex, new Map([[hashToken(token), { siteId: found.siteId, frequency: found.frequency }]])));
  return { ok: true, domain: found.domain, frequency: found.frequency };
}

/** Deletes addresses whose confirmation link expired unused, with their e-mails. Returns how many. */
export function deleteExpiredConfirmations(now = new Date()): Promise<number> {
  return prisma.$transaction((tx) => deleteSubscriptionsWithMails(tx, { confirmedAt: null, createdAt: { lte: new Date(now.getTime() - CONFIRM_MS) } }));
}
