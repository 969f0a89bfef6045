"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/form-action";
import { createSiteSchema } from "@/lib/sites/schemas";
import { createSite } from "@/lib/sites/sites";

// Add a site, then show its snippet.
export const createSiteAction = formAction(createSiteSchema, { requireUser: true, rateLimit: { bucket: "create-site", perMinute: 20 } }, async (input, { user }) => {
  const result = await createSite(user.id, input);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: { domain: result.message } };
  redirect(`/sites/${encodeURIComponent(result.site.domain)}/setup`);
});
