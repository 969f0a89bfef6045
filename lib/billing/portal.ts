import { getAppUrl } from "@/lib/config/env";
import { getStoredCustomerId } from "./stripe-customer";
import { getStripe, isBillingConfigured } from "./stripe-client";
import { stripeFailure } from "./stripe-errors";

// "Manage billing": a Stripe Customer Portal session on the account's own customer (card,
// invoices, plan changes, cancellation), returning to the billing page.

export type PortalResult = { ok: true; url: string } | { ok: false; message: string };

export async function createPortalSession(userId: string): Promise<PortalResult> {
  if (!isBillingConfigured()) return { ok: false, message: "Billing is not configured on this server." };
  const customer = await getStoredCustomerId(userId);
  if (!customer) return { ok: false, message: "There is nothing to manage yet: choose a plan first." };
  try {
    const session = await getStripe().billingPortal.sessions.create({ customer, return_url: `${getAppUrl()}/settings/billing` });
    return { ok: true, url: session.url };
  } catch (error) {
    return { ok: false, message: stripeFailure("portal", error) };
  }
}
