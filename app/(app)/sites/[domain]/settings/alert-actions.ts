"use server";

import { refresh } from "next/cache";
import { saveTrafficAlertSchema } from "@/lib/alerts/schemas";
import { removeTrafficAlert, saveTrafficAlert } from "@/lib/alerts/traffic-alerts";
import { formAction } from "@/lib/http/form-action";
import { siteIdSchema } from "@/lib/sites/schemas";

// Traffic alerts of a site (settings page). The site id comes from the form; the lib calls are
// scoped to the signed-in user, so someone else's site behaves like one that does not exist.

export const saveTrafficAlertAction = formAction(saveTrafficAlertSchema, { requireUser: true }, async (input, { user }) => {
  const result = await saveTrafficAlert(user.id, input.siteId, input.threshold);
  if (!result.ok) return { status: "error", message: result.message };
  refresh();
  const people = input.threshold.toLocaleString("en-US");
  return { status: "ok", message: `Saved. We e-mail you when more than ${people} ${input.threshold === 1 ? "person is" : "people are"} on the site at once.` };
});

export const removeTrafficAlertAction = formAction(siteIdSchema, { requireUser: true }, async (input, { user }) => {
  if (!(await removeTrafficAlert(user.id, input.siteId))) return { status: "error", message: "That site no longer exists in your account." };
  refresh();
  return { status: "ok", message: "Traffic alerts are off." };
});
