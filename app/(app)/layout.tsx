import { Suspense, type ReactNode } from "react";
import { AppHeader } from "@/components/app/AppHeader";
import { BillingBanners } from "@/components/billing/BillingBanners";
import { requireUser } from "@/lib/auth/current-user";

// Signed-in pages. proxy.ts only redirects; every page and action checks the session again.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen bg-slate-50">
      <AppHeader email={user.email} />
      <Suspense fallback={null}>
        <BillingBanners userId={user.id} />
      </Suspense>
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
