"use server";

import { revalidatePath } from "next/cache";
import { verifyCaptcha } from "@/lib/captcha/verify-captcha";
import { formAction } from "@/lib/http/form-action";
import type { FormState } from "@/lib/http/form-state";
import { getOwnedSiteByDomain } from "@/lib/sites/sites";
import { openSupportThread } from "@/lib/support/open-thread";
import { supportRequestSchema } from "@/lib/support/schemas";
import { supportHourlyLimitError } from "./support-rate-limit";

// POST /support — a new support message, signed in or not. Signed out: the captcha (when keys
// are set) and the per-IP hourly limit. Signed in: the account's own address whatever was posted,
// and the site, if any, must be one of the account's sites.
export const sendSupportMessageAction = formAction(supportRequestSchema, { requireUser: false, rateLimit: { bucket: "support" } }, async (input, { user, ip }): Promise<FormState> => {
  if (!user) {
    const captcha = await verifyCaptcha(input["g-recaptcha-response"], "sending your message");
    if (!captcha.ok) return { status: "error", message: captcha.message, fieldErrors: { captcha: captcha.message } };
  }
  if (user && input.site && !(await getOwnedSiteByDomain(user.id, input.site))) {
    const message = "Choose one of your sites, or none.";
    return { status: "error", message, fieldErrors: { site: message } };
  }
  const limited = supportHourlyLimitError(user ? { userId: user.id } : { ip });
  if (limited) return { status: "error", message: limited };

  const email = user ? user.email : input.email;
  const { reference } = await openSupportThread({ email, subject: input.subject, message: input.message, site: input.site ?? null, userId: user?.id ?? null });
  if (user) revalidatePath("/support");
  // The confirmation names the reference and where its copy went.
  return { status: "ok", message: reference, values: { email } };
});
