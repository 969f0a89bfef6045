import type { EmailConfig } from "next-auth/providers";
import { renderSignInMail } from "@/lib/mail/templates/sign-in";
import { sendMail } from "@/lib/mail/send-mail";
import { findUserByEmail } from "@/lib/account/find-user";

export const MAGIC_LINK_MINUTES = 15;

// Magic links by e-mail, sent through our own mailer (queue, retries, outbox) — not nodemailer.
export const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "E-mail",
  from: "MiniStat",
  maxAge: MAGIC_LINK_MINUTES * 60,
  options: {},
  async sendVerificationRequest({ identifier, url }) {
    // The token alone finds the request (see adapter): keep the address out of the URL,
    // where it would end up in browser history and proxy logs.
    const link = new URL(url);
    link.searchParams.delete("email");
    const user = await findUserByEmail(identifier);
    await sendMail(renderSignInMail(identifier, link.toString(), MAGIC_LINK_MINUTES), { kind: "sign-in", userId: user?.id });
  },
};
