import { prisma } from "@/lib/db/prisma";
import { deleteSubscriptionsWithMails } from "./delete-subscriptions";
import type { ReportFrequency } from "./periods";
import { recordUnsubscribe } from "./recipient-traces";
import { readUnsubscribeToken } from "./unsubscribe-token";

// Unsubscribing from a report through the link in it: no session, the signed token alone says
// which subscription. Unsubscribing deletes the subscription with its delivery records and its
// e-mails (delete-subscriptions.ts), so the address itself is no longer stored. What stays for
// UNSUBSCRIBE_BLOCK_DAYS is a trace holding the address's blind index and the site (not the
// address), so the site's owner cannot send it a new confirmation link at once
// (recipient-traces.ts). Opening the link (GET) only describes what the button will do; mail
// scanners fetch links, and a GET must not end anyone's subscription.

export type UnsubscribeLookup =
  | { status: "active"; domain: string; frequency: ReportFrequency }
  | { status: "gone" } // a genuine link whose subscription no longer exists
  | { status: "invalid" };

export async function describeUnsubscribe(token: string): Promise<UnsubscribeLookup> {
  const id = readUnsubscribeToken(token);
  return id ? lookup(id) : { status: "invalid" };
}

/** Ends the subscription. Repeating it is harmless ("gone" the second time). */
export async function unsubscribeFromReport(token: string, now = new Date()): Promise<UnsubscribeLookup> {
  const id = readUnsubscribeToken(token);
  if (!id) return { status: "invalid" };
  const found = await lookup(id);
  if (found.status !== "active") return found;
  await prisma.$transaction(async (tx) => {
    const row = await tx.reportSubscription.findUnique({ where: { id }, select: { siteId: true, emailIndex: true, site: { select: { userId: true } } } });
    if (!row) return; // unsubscribed at the same moment
    await deleteSubscriptionsWithMails(tx, { id });
    await recordUnsubscribe(tx, row.site.userId, row.emailIndex, row.siteId, now);
  });
  return found;
}

async function lookup(id: string): Promise<UnsubscribeLookup> {
  const row = await prisma.reportSubscription.findUnique({ where: { id }, select: { frequency: true, site: { select: { domain: true } } } });
  return row ? { status: "active", domain: row.site.domain, frequency: row.frequency } : { status: "gone" };
}
