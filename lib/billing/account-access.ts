import { getAppUrl } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";
import { billingStatus, type BillingStatus } from "./billing-status";
import { isBillingConfigured } from "./stripe-client";

// What an account may see now: its BillingStatus from the registration date, the stored
// subscription and the clock. Without Stripe keys nothing is read and nobody is locked.
// Locked accounts keep recording events (ingestion never asks); their dashboards, share
// links and Stats API answer with an upgrade prompt instead of data.

const billingFields = {
  status: true,
  planKey: true,
  interval: true,
  amountCents: true,
  currency: true,
  currentPeriodEnd: true,
  trialEnd: true,
  cancelAt: true,
  endedAt: true,
} as const;

export class UnknownAccountError extends Error {
  constructor() {
    super("No such account");
    this.name = "UnknownAccountError";
  }
}

export async function getAccountBilling(userId: string, now: Date = new Date()): Promise<BillingStatus> {
  if (!isBillingConfigured()) return billingStatus({ configured: false, accountCreatedAt: now, billing: null, now });
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { createdAt: true, billing: { select: billingFields } } });
  if (!user) throw new UnknownAccountError();
  return billingStatus({ configured: true, accountCreatedAt: user.createdAt, billing: user.billing, now });
}

/** Whether the account that owns this site is locked (false for an unknown site: callers 404 first). */
export async function isSiteLocked(siteId: string, now: Date = new Date()): Promise<boolean> {
  if (!isBillingConfigured()) return false;
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { userId: true } });
  if (!site) return false;
  return (await getAccountBilling(site.userId, now)).locked;
}

export function billingPageUrl(): string {
  return `${getAppUrl()}/settings/billing`;
}

/** The message of every "locked" answer (Stats API, dashboard routes): what to do, and where. */
export function subscriptionRequiredMessage(): string {
  return `Subscription required: this account's trial or subscription has ended. Choose a plan at ${billingPageUrl()} (statistics are still being recorded).`;
}
