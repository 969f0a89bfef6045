"use server";

import { registerAccount } from "@/lib/account/register-account";
import { registerSchema } from "@/lib/account/schemas";
import { requestSignInLink } from "@/lib/auth/request-sign-in";
import { verifyCaptcha } from "@/lib/captcha/verify-captcha";
import { formAction } from "@/lib/http/form-action";

// POST /register — create an account (e-mail only) and send its first sign-in link.
export const registerAction = formAction(registerSchema, { requireUser: false, rateLimit: { bucket: "register" } }, async (input) => {
  const captcha = await verifyCaptcha(input["g-recaptcha-response"]);
  if (!captcha.ok) return { status: "error", message: captcha.message, fieldErrors: { captcha: captcha.message } };
  await registerAccount(input.email);
  await requestSignInLink(input.email);
  return { status: "ok", message: input.email };
});
