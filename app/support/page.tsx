import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/config/env";
import { listSites } from "@/lib/sites/sites";
import { listCustomerThreads } from "@/lib/support/customer-threads";
import { isStaff } from "@/lib/support/staff-role";
import { CustomerSupportPage } from "./CustomerSupportPage";
import { PublicSupportPage } from "./PublicSupportPage";

// GET /support — write to support. Signed out: the public form (no cookie, like every public
// page). Signed in: the form with the account's address and sites, and the account's conversations.
export const metadata: Metadata = {
  title: "Support",
  description: "Questions about MiniStat? Write to us: a person answers, by e-mail.",
};

export default async function SupportPage() {
  const user = await getCurrentUser();
  if (!user) return <PublicSupportPage recaptchaSiteKey={getEnv().RECAPTCHA_SITE_KEY ?? null} />;
  const [sites, threads, staff] = await Promise.all([listSites(user.id), listCustomerThreads(user.id), isStaff(user.id)]);
  return <CustomerSupportPage account={{ email: user.email, sites: sites.map((site) => site.domain) }} threads={threads} staff={staff} />;
}
