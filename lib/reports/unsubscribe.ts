import { prisma } from "@/lib/db/prisma";
import type { ReportFrequency } from "./periods";
import { readUnsubscribeToken } from "./unsubscribe-token";

// Unsubscribing from a report through the link in it: no session, the signed token alone says
// which subscription. Unsubscribing deletes the subscription (with its delivery records), so
// the address is no longer stored. Opening the link (GET) only describes what the button will
// do; mail scanners fetch links, and a GET must not end anyone's subscription.

export type UnsubscribeLookup =
  | { status: "active"; domain: string; frequency: ReportFrequency }
  | { status: "gone" } // a genuine link whose subscription no longer exists
  | { status: "invalid" };

export async function describeUnsubscribe(token: string): Promise<UnsubscribeLookup> {
  const id = readUnsubscribeToken(token);
  return id ? lookup(id) : { status: "invalid" };
}

/** Ends the subscription. Repeating it is harmless ("gone" the second time). */
export async function unsubscribeFromReport(token: string): Promise<UnsubscribeLookup> {
  const id = readUnsubscribeToken(token);
  if (!id) return { status: "invalid" };
  const found = await lookup(id);
  if (found.status === "active") await prisma.reportSubscription.deleteMany({ where: { id } });
  return found;
}

async function lookup(id: string): Promise<UnsubscribeLookup> {
  const row = await prisma.reportSubscription.findUnique({ where: { id }, select: { frequency: true, site: { select: { domain: true } } } });
  return row ? { status: "active", domain: row.site.domain, frequency: row.frequency } : { status: "gone" };
}
