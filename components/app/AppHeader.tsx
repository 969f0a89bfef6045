import Link from "next/link";

export function AppHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
        <nav aria-label="Main" className="flex shrink-0 items-center gap-4 text-sm sm:gap-6">
          <Link href="/dashboard" className="text-base font-bold tracking-tight text-slate-900">
            Mini<span className="text-brand-600">Stat</span>
          </Link>
          <Link href="/dashboard" className="font-medium text-slate-600 hover:text-slate-900">
            Sites
          </Link>
          <Link href="/settings" className="font-medium text-slate-600 hover:text-slate-900">
            Settings
          </Link>
          <Link href="/settings/billing" className="font-medium text-slate-600 hover:text-slate-900">
            Billing
          </Link>
          <Link href="/support" className="font-medium text-slate-600 hover:text-slate-900">
            Help
          </Link>
        </nav>
        <span className="truncate text-sm text-slate-500" title={`Signed in as ${email}`}>
          {email}
        </span>
      </div>
    </header>
  );
}
