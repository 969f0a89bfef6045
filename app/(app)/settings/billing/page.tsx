import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getBillingOverview } from "@/lib/billing/billing-overview";
import { confirmCheckout } from "@/lib/billing/confirm-checkout";
import { isBillingConfigured } from "@/lib/billing/stripe-client";
import { getEnv } from "@/lib/config/env";
import { BillingPage, type CheckoutNotice } from "./BillingPage";
import { BillingUnconfigured } from "./BillingUnconfigured";

// GET /settings/billing[?checkout=success&session_id=cs_…|?checkout=canceled] — plan, status,
// this month's usage, plans to choose, invoices. Back from Checkout, the session is checked
// against this account and its subscription stored at once (the webhook may come later).
export const metadata: Metadata = { title: "Billing" };

type Props = { searchParams: Promise<{ checkout?: string | string[]; session_id?: string | string[] }> };

export default async function Page({ searchParams }: Props) {
  const user = await requireUser();
  if (!isBillingConfigured()) return <BillingUnconfigured />;
  const { checkout, session_id: sessionId } = await searchParams;
  let notice: CheckoutNotice | null = null;
  if (checkout === "success" && typeof sessionId === "string") {
    const result = await confirmCheckout(user.id, sessionId);
    if (result.ok && (result.status === "active" || result.status === "trialing")) notice = { tone: "ok", message: "Thank you — your subscription is active." };
    else if (result.ok) notice = { tone: "info", message: `The subscription of this checkout is ${result.status.replace("_", " ")}; see its state below.` };
    else notice = { tone: result.reason === "incomplete" ? "info" : "error", message: result.message };
  } else if (checkout === "canceled") {
    notice = { tone: "info", message: "Checkout was canceled; nothing was charged." };
  }
  const now = new Date();
  const overview = await getBillingOverview(user.id, now);
  return <BillingPage overview={overview} userId={user.id} notice={notice} contactEmail={getEnv().CONTACT_EMAIL} now={now} />;
}
