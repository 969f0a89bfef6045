import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/config/env";
import { RegisterForm } from "./RegisterForm";

// GET /register — sign up with an e-mail address only.
export const metadata: Metadata = { title: "Create your account" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return <RegisterForm recaptchaSiteKey={getEnv().RECAPTCHA_SITE_KEY ?? null} />;
}
