"use server";

import { loginSchema } from "@/lib/account/schemas";
import { requestSignInLink } from "@/lib/auth/request-sign-in";
import { formAction } from "@/lib/http/form-action";

// POST /login — e-mail a sign-in link; the same answer whether or not the account exists.
export const loginAction = formAction(loginSchema, { requireUser: false, rateLimit: { bucket: "login" } }, async (input) => {
  await requestSignInLink(input.email);
  return { status: "ok", message: input.email };
});
