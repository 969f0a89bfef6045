"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition, type ReactNode } from "react";

// Changing the period or a filter re-renders the dashboard on the server. While that runs, the
// current figures stay on screen, dimmed, under a progress bar — instead of a frozen page.

type ViewNavigation = { navigate: (href: string) => void; pending: boolean };

const Context = createContext<ViewNavigation | null>(null);

export function useViewNavigation(): ViewNavigation | null {
  return useContext(Context);
}

export function ViewNavigationProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  return (
    <Context.Provider value={{ navigate, pending }}>
      <div aria-busy={pending} data-pending={pending ? "" : undefined} className="group/view space-y-6">
        {children}
        {pending && (
          <div role="progressbar" aria-label="Updating the dashboard" className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-brand-600" />
        )}
      </div>
    </Context.Provider>
  );
}

/** Wraps the parts that are being recomputed; they fade while a new view loads. */
export function PendingFade({ children }: { children: ReactNode }) {
  return <div className="space-y-6 transition-opacity duration-200 group-data-[pending]/view:opacity-55">{children}</div>;
}
