import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { listSites } from "@/lib/sites/sites";
import { DashboardPage } from "./DashboardPage";

// GET /dashboard — the signed-in home: the user's sites.
export const metadata: Metadata = { title: "Your sites" };

export default async function Page() {
  const user = await requireUser();
  return <DashboardPage sites={await listSites(user.id)} />;
}
