import type { Metadata } from "next";
import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

// GET /login/error — where Auth.js sends a bad, used or expired sign-in link.
export const metadata: Metadata = { title: "Sign-in link cannot be used" };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const explanation =
    error === "Verification"
      ? "It has expired, was already used, or was changed on the way. Each link works once, for 15 minutes."
      : "Something about this sign-in did not check out.";
  return (
    <div className="space-y-4 text-center">
      <h1 className="text-xl font-semibold text-slate-900">This sign-in link cannot be used</h1>
      <p className="text-sm leading-6 text-slate-600">{explanation} Ask for a new one and use the newest e-mail.</p>
      <Link href="/login" className={buttonPrimary}>
        Get a new sign-in link
      </Link>
    </div>
  );
}
