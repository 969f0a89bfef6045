"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { appUsesHttps } from "@/lib/auth/session-cookie";
import { formAction } from "@/lib/http/form-action";
import { getSharedLink, SHARE_COOKIE_MAX_AGE_SECONDS, shareCookieName, shareCookieValue, verifySharedLinkPassword } from "@/lib/sites/shared-links";

// Unlock a password-protected shared link: on the right password, one short-lived first-party
// cookie for this link only. Attempts are rate limited per IP.

const unlockSchema = z.object({
  slug: z.string().min(1).max(40),
  password: z.string().min(1, "Enter the password.").max(200),
});

export const unlockSharedLinkAction = formAction(unlockSchema, { requireUser: false, rateLimit: { bucket: "share-password", perMinute: 10 } }, async (input) => {
  const link = await getSharedLink(input.slug);
  if (!link) return { status: "error", message: "This shared link no longer exists." };
  if (link.passwordHash) {
    if (!(await verifySharedLinkPassword(link.passwordHash, input.password))) {
      return { status: "error", message: "That password is not right.", fieldErrors: { password: "That password is not right." } };
    }
    (await cookies()).set(shareCookieName(link.slug), shareCookieValue(link.slug, link.passwordHash), {
      httpOnly: true,
      sameSite: "lax",
      secure: appUsesHttps(),
      path: `/share/${link.slug}`,
      maxAge: SHARE_COOKIE_MAX_AGE_SECONDS,
    });
  }
  redirect(`/share/${link.slug}`);
});
