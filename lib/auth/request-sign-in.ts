import { cookies } from "next/headers";
import { findUserByEmail } from "@/lib/account/find-user";
import { toAppPath } from "@/lib/http/app-url";
import { signIn } from "./auth";

// Sends a magic link to an existing account; for an unknown address it does nothing, and the
// caller shows the same answer either way, so the form does not reveal who has an account.

export async function requestSignInLink(email: string, redirectTo = "/dashboard"): Promise<void> {
  if (!(await findUserByEmail(email))) return;
  // Only a path: Auth.js would otherwise fall back to the Referer, which the client chooses.
  const result = await signIn("email", { email, redirect: false, redirectTo: toAppPath(redirectTo) });
  await dropAuthJsCookies();
  if (typeof result === "string" && result.includes("error=")) throw new Error("the sign-in link could not be created");
}

// Auth.js remembers the callback URL in a cookie; we promise one cookie only (the session),
// and the link carries the callback URL anyway.
async function dropAuthJsCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of ["authjs.callback-url", "__Secure-authjs.callback-url", "authjs.csrf-token", "__Host-authjs.csrf-token"]) {
    if (jar.has(name)) jar.delete(name);
  }
}
