import type { ReactNode } from "react";
import AppLayout from "@/app/(app)/layout";
import MarketingLayout from "@/app/(marketing)/layout";
import { getCurrentUser } from "@/lib/auth/current-user";

// /support is one route for everybody: a signed-out visitor gets the public pages' chrome (and,
// like every public page, no cookie); a signed-in customer gets the app's, with the "Help" entry
// of its navigation. Both chromes are the route groups' own layouts, reused as they are.
export default async function SupportLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return user ? <AppLayout>{children}</AppLayout> : <MarketingLayout>{children}</MarketingLayout>;
}
