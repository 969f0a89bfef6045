import type { ReactNode } from "react";
import { SiteFooter } from "@/components/marketing/SiteFooter";
import { SiteHeader } from "@/components/marketing/SiteHeader";
import { SkipLink } from "@/components/marketing/SkipLink";

// Public pages: no cookies, nothing loaded from another origin, no client JavaScript
// beyond the current-page marker in the nav.
export default function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <SiteHeader />
      <main id="main" className="flex-1 scroll-mt-20">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
