import Link from "next/link";
import { connection } from "next/server";
import { getEnv } from "@/lib/config/env";
import { Logo } from "./Logo";
import { MailtoLink } from "./MailtoLink";
import { container } from "./styles";

const linkClass = "rounded-sm text-sm text-slate-600 transition-colors hover:text-slate-900";

const COLUMNS = [
  {
    title: "Product",
    links: [
      { href: "/pricing", label: "Pricing" },
      { href: "/register", label: "Start free trial" },
      { href: "/login", label: "Log in" },
      { href: "/support", label: "Support" },
    ],
  },
  {
    title: "Legal",
    links: [
      { href: "/privacy", label: "Privacy" },
      { href: "/terms", label: "Terms" },
    ],
  },
] as const;

export async function SiteFooter() {
  // The contact address is configuration, read per request rather than baked in at build.
  await connection();
  const { CONTACT_EMAIL } = getEnv();

  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className={`${container} grid gap-10 py-12 sm:grid-cols-2 lg:grid-cols-4`}>
        <div className="space-y-3">
          <Logo />
          <p className="max-w-xs text-sm leading-6 text-slate-600">
            Privacy-first, cookie-less web analytics. No personal data of your visitors, ever.
          </p>
        </div>
        {COLUMNS.map((column) => (
          <nav key={column.title} aria-label={column.title}>
            <h2 className="text-sm font-semibold text-slate-900">{column.title}</h2>
            <ul className="mt-3 space-y-2">
              {column.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={linkClass}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Contact</h2>
          <address className="mt-3 space-y-2 text-sm text-slate-600 not-italic">
            <p>
              <MailtoLink email={CONTACT_EMAIL} className={`${linkClass} underline underline-offset-2`} />
            </p>
            <p className="flex items-center gap-2">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-brand-600">
                <path d="M10 1.5a6 6 0 0 0-6 6c0 4.3 6 11 6 11s6-6.7 6-11a6 6 0 0 0-6-6Zm0 8.25a2.25 2.25 0 1 1 0-4.5 2.25 2.25 0 0 1 0 4.5Z" />
              </svg>
              Hosted in the EU (Vilnius, Lithuania)
            </p>
          </address>
        </div>
      </div>
      <div className="border-t border-slate-200">
        <p className={`${container} py-6 text-sm text-slate-500`}>© {new Date().getFullYear()} MiniStat</p>
      </div>
    </footer>
  );
}
