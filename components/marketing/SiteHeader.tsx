import Link from "next/link";
import { Logo } from "./Logo";
import { NavLinks } from "./NavLinks";
import { buttonPrimary, container } from "./styles";

function TrialButton({ className }: { className: string }) {
  return (
    <Link href="/register" className={`${buttonPrimary} ${className}`}>
      Start free trial
    </Link>
  );
}

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      {/* Narrow screens: the nav wraps onto a second row (no menu toggle, no JavaScript). The trial
          button exists twice, one per breakpoint, so focus order always follows the visual order. */}
      <div className={`${container} flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3`}>
        <Logo />
        <TrialButton className="sm:hidden" />
        <nav aria-label="Main" className="-mx-2.5 w-full sm:mx-0 sm:ml-auto sm:w-auto">
          <NavLinks />
        </nav>
        <TrialButton className="max-sm:hidden" />
      </div>
    </header>
  );
}
