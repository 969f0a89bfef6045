import type { EmailConfig } from "next-auth/providers";
import { renderSignInMail } from "@/lib/mail/templates/sign-in";
import { sendMail } from "@/lib/mail/send-mail";
import { findUserByEmail } from "@/lib/account/find-user";
import { getAppUrl } from "@/lib/config/env";
import { toAppPath } from "@/lib/http/app-url";

export const MAGIC_LINK_MINUTES = 15;

/** Where a magic link lands: Auth.js's callback for this provider, on APP_URL. */
export const MAGIC_LINK_PATH = "/api/auth/callback/email";

// Magic links by e-mail, sent through our own mailer (queue, retries, outbox) — not nodemailer.
export const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "E-mail",
  from: "MiniStat",
  maxAge: MAGIC_LINK_MINUTES * 60,
  options: {},
  async sendVerificationRequest({ identifier, token, url }) {
    const user = await findUserByEmail(identifier);
    await sendMail(renderSignInMail(identifier, buildMagicLink(token, new URL(url).searchParams.get("callbackUrl")), MAGIC_LINK_MINUTES), {
      kind: "sign-in",
      userId: user?.id,
    });
  },
};

/**
 * The link in the e-mail, rebuilt on APP_URL from the token alone: whatever URL Auth.js
 * derived, the token never travels to another origin. The address stays out of the link
 * (the token finds the request, see the adapter), where it would end up in browser history
 * and proxy logs; the page to open afterwards is kept only as a path.
 */
export function buildMagicLink(token: string, callbackUrl: string | null): string {
  const link = new URL(`${getAppUrl()}${MAGIC_LINK_PATH}`);
  link.searchParams.set("callbackUrl", toAppPath(callbackUrl));
  link.searchParams.set("token", token);
  return link.toString();
}
