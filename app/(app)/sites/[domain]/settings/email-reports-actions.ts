"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/form-action";
import { recipientEmailSchema, reportFrequencySchema } from "@/lib/reports/schemas";
import { addReportRecipient, removeReportSubscription, setOwnReport } from "@/lib/reports/subscriptions";
import { siteIdSchema } from "@/lib/sites/schemas";

// The "E-mail reports" section of the site settings. Every lib call is scoped to the signed-in
// user: a site or subscription id of someone else behaves like an unknown one.

const ownReportSchema = siteIdSchema.extend({ frequency: reportFrequencySchema, on: z.enum(["true", "false"]) });

export const setOwnReportAction = formAction(ownReportSchema, { requireUser: true }, async (input, { user }) => {
  const result = await setOwnReport(user, input.siteId, input.frequency, input.on === "true");
  if (!result.ok) return { status: "error", message: result.message };
  refresh();
  return { status: "ok", message: result.message };
});

const recipientSchema = siteIdSchema.extend({ email: recipientEmailSchema, frequency: reportFrequencySchema });

// Each added address gets an e-mail from us: rate-limited like other forms that send mail.
export const addReportRecipientAction = formAction(recipientSchema, { requireUser: true, rateLimit: { bucket: "report-recipient-add", perMinute: 10 } }, async (input, { user }) => {
  const result = await addReportRecipient(user, input.siteId, input.email, input.frequency);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: { email: result.message } };
  refresh();
  return { status: "ok", message: result.message };
});

export const removeReportSubscriptionAction = formAction(z.object({ subscriptionId: z.string().min(1).max(40) }), { requireUser: true }, async (input, { user }) => {
  if (!(await removeReportSubscription(user.id, input.subscriptionId))) return { status: "error", message: "That address was already removed." };
  refresh();
  return { status: "ok" };
});
