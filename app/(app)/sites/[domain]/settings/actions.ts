"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { formAction } from "@/lib/http/form-action";
import { createGoal, deleteGoal, goalInputSchema } from "@/lib/sites/goals";
import { renameSiteSchema, siteIdSchema, updateSiteSchema } from "@/lib/sites/schemas";
import { createSharedLink, deleteSharedLink, sharePasswordSchema } from "@/lib/sites/shared-links";
import { deleteSite, getOwnedSite, renameSite, updateSiteTimezone } from "@/lib/sites/sites";

// Site settings. The site id comes from the form, so every lib call below is scoped to the
// signed-in user: someone else's id behaves like an unknown one.

const NOT_FOUND = { status: "error", message: "That site no longer exists in your account." } as const;

export const updateTimezoneAction = formAction(updateSiteSchema, { requireUser: true }, async (input, { user }) => {
  if (!(await updateSiteTimezone(user.id, input.siteId, input.timezone))) return NOT_FOUND;
  // Local days moved: recompute the pre-aggregated figures in the new zone. That takes a while
  // on a big site, so it runs after the answer is sent.
  const site = { id: input.siteId, timezone: input.timezone };
  const siteId = site.id;
  after(() =>
    getAnalyticsStore().then((store) => store.rebuildSite(site)).catch((error: unknown) => {
      console.error(`rebuilding rollups of site ${siteId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }),
  );
  refresh();
  return { status: "ok", message: `Time zone set to ${input.timezone}. Statistics are being recalculated for it; this takes up to a minute on a busy site.` };
});

export const renameSiteAction = formAction(renameSiteSchema, { requireUser: true }, async (input, { user }) => {
  const result = await renameSite(user.id, input.siteId, input.domain);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: { domain: result.message } };
  redirect(`/sites/${encodeURIComponent(result.site.domain)}/settings`);
});

export const createGoalAction = formAction(z.intersection(siteIdSchema, goalInputSchema), { requireUser: true }, async (input, { user }) => {
  const result = await createGoal(user.id, input.siteId, { kind: input.kind, value: input.value });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: { value: result.message } };
  refresh();
  return { status: "ok", message: "Goal added." };
});

export const deleteGoalAction = formAction(z.object({ goalId: z.string().min(1).max(40) }), { requireUser: true }, async (input, { user }) => {
  if (!(await deleteGoal(user.id, input.goalId))) return { status: "error", message: "That goal was already deleted." };
  refresh();
  return { status: "ok" };
});

const createLinkSchema = siteIdSchema.extend({ password: sharePasswordSchema.optional().default("") });

export const createSharedLinkAction = formAction(createLinkSchema, { requireUser: true, rateLimit: { bucket: "share-link-create", perMinute: 20 } }, async (input, { user }) => {
  const result = await createSharedLink(user.id, input.siteId, input.password);
  if (!result.ok) return { status: "error", message: result.message };
  refresh();
  return { status: "ok", message: input.password ? "Password-protected link created." : "Link created. Anyone with it can view the dashboard." };
});

export const deleteSharedLinkAction = formAction(z.object({ linkId: z.string().min(1).max(40) }), { requireUser: true }, async (input, { user }) => {
  if (!(await deleteSharedLink(user.id, input.linkId))) return { status: "error", message: "That link was already deleted." };
  refresh();
  return { status: "ok" };
});

const deleteSiteSchema = siteIdSchema.extend({ confirmDomain: z.string().trim().max(260) });

export const deleteSiteAction = formAction(deleteSiteSchema, { requireUser: true }, async (input, { user }) => {
  const site = await getOwnedSite(user.id, input.siteId);
  if (!site) return NOT_FOUND;
  if (input.confirmDomain.toLowerCase() !== site.domain) {
    return { status: "error", message: "That is not this site's domain; nothing was deleted.", fieldErrors: { confirmDomain: `Type ${site.domain} to confirm.` } };
  }
  await deleteSite(user.id, site.id);
  redirect("/dashboard");
});
