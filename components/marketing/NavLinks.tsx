"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Client only to mark the current page (aria-current); everything else is static.

const LINKS = [
  { href: "/pricing", label: "Pricing" },
  { href: "/privacy", label: "Privacy" },
  { href: "/login", label: "Log in" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1 sm:gap-2">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href;
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`rounded-md px-2.5 py-2 text-sm font-medium transition-colors hover:bg-slate-100 hover:text-slate-900 ${
                current ? "text-brand-700" : "text-slate-600"
              }`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
