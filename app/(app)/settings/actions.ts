"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestEmailChange } from "@/lib/account/change-email";
import { deleteAccount } from "@/lib/account/delete-account";
import { changeEmailSchema, deleteAccountSchema } from "@/lib/account/schemas";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { clearSessionCookie, signOutThisBrowser } from "@/lib/auth/sign-out";
import { normalizeEmail } from "@/lib/crypto/blind-index";
import { formAction } from "@/lib/http/form-action";

// Settings actions. Each one requires the session and acts only on the signed-in account.

const noInput = z.object({});

export const signOutAction = formAction(noInput, { requireUser: true }, async () => {
  await signOutThisBrowser();
  redirect("/login");
});

export const signOutEverywhereAction = formAction(noInput, { requireUser: true }, async (_input, { user }) => {
  await signOutEverywhere(user.id);
  clearSessionCookie(await cookies());
  redirect("/login");
});

export const changeEmailAction = formAction(changeEmailSchema, { requireUser: true, rateLimit: { bucket: "email-change" } }, async (input, { user }) => {
  const result = await requestEmailChange(user.id, input.email);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: { email: result.message } };
  return { status: "ok", message: `We sent a confirmation link to ${normalizeEmail(input.email)}. Your address changes when you open it.` };
});

export const deleteAccountAction = formAction(deleteAccountSchema, { requireUser: true }, async (input, { user }) => {
  if (normalizeEmail(input.confirmEmail) !== normalizeEmail(user.email)) {
    return { status: "error", message: "That is not your account's e-mail address; nothing was deleted.", fieldErrors: { confirmEmail: "Type your e-mail address exactly." } };
  }
  await deleteAccount(user.id);
  clearSessionCookie(await cookies());
  redirect("/?deleted=1");
});
