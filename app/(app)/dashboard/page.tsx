import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getAccountBilling } from "@/lib/billing/account-access";
import { listSites } from "@/lib/sites/sites";
import { DashboardPage } from "./DashboardPage";

// GET /dashboard — the signed-in home: the user's sites (without statistics while the account is locked).
export const metadata: Metadata = { title: "Your sites" };

export default async function Page() {
  const user = await requireUser();
  const [sites, billing] = await Promise.all([listSites(user.id), getAccountBilling(user.id)]);
  return <DashboardPage sites={sites} locked={billing.locked} />;
}
