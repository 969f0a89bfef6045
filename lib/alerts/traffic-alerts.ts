import { prisma } from "@/lib/db/prisma";
import { alertThresholdSchema } from "./schemas";

// A site's traffic alert, owner-checked: off (no row) by default; on with a threshold of
// current visitors. The hourly limit lives in last_sent_at, written by check-traffic-alerts.ts.
// Changing the threshold keeps it (no second e-mail within the hour because of an edit).

export type TrafficAlert = { threshold: number; lastSentAt: Date | null };

export type SaveTrafficAlertResult = { ok: true } | { ok: false; message: string };

const SITE_GONE = "That site no longer exists in your account.";

/** The alert of a site the caller already owner-checked (the settings page), or null when off. */
export function getTrafficAlert(siteId: string): Promise<TrafficAlert | null> {
  return prisma.trafficAlert.findUnique({ where: { siteId }, select: { threshold: true, lastSentAt: true } });
}

/** Turns the alert on, or changes its threshold, when the user owns the site. */
export async function saveTrafficAlert(userId: string, siteId: string, threshold: number): Promise<SaveTrafficAlertResult> {
  const parsed = alertThresholdSchema.safeParse(threshold);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter a number of visitors, like 100." };
  // Ownership and the upsert in one statement: a site deleted or not the user's inserts nothing.
  const saved = await prisma.$executeRaw`
    INSERT INTO traffic_alerts (site_id, threshold)
    SELECT id, ${parsed.data}::int FROM sites WHERE id = ${siteId} AND user_id = ${userId}
    ON CONFLICT (site_id) DO UPDATE SET threshold = EXCLUDED.threshold`;
  return saved === 1 ? { ok: true } : { ok: false, message: SITE_GONE };
}

/** Turns the alert off; false when the site is not the user's (already off counts as done). */
export async function removeTrafficAlert(userId: string, siteId: string): Promise<boolean> {
  const site = await prisma.site.findFirst({ where: { id: siteId, userId }, select: { id: true } });
  if (!site) return false;
  await prisma.trafficAlert.deleteMany({ where: { siteId: site.id } });
  return true;
}
