"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { startCheckout } from "@/lib/billing/checkout";
import { PLAN_KEYS } from "@/lib/billing/plans";
import { createPortalSession } from "@/lib/billing/portal";
import type { BillingInterval } from "@/lib/config/env";
import { formAction } from "@/lib/http/form-action";

// Billing actions: the signed-in account's own Checkout and Customer Portal, nothing else.
// The form sends a plan key and an interval — never a price id (the schema refuses any other
// field); the server maps them to Stripe's price id. Both end in a redirect to Stripe.

const checkoutSchema = z
  .object({
    plan: z.enum(PLAN_KEYS, { message: "Choose a plan." }),
    interval: z.enum(["monthly", "yearly"] as const satisfies readonly BillingInterval[], { message: "Choose monthly or yearly billing." }),
  })
  .strict();

export const startCheckoutAction = formAction(checkoutSchema, { requireUser: true, rateLimit: { bucket: "billing-checkout", perMinute: 10 } }, async (input, { user }) => {
  const result = await startCheckout(user.id, input.plan, input.interval);
  if (!result.ok) return { status: "error", message: result.message };
  redirect(result.url);
});

export const manageBillingAction = formAction(z.object({}).strict(), { requireUser: true, rateLimit: { bucket: "billing-portal", perMinute: 10 } }, async (_input, { user }) => {
  const result = await createPortalSession(user.id);
  if (!result.ok) return { status: "error", message: result.message };
  redirect(result.url);
});
