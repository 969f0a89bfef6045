import Link from "next/link";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-12">
      <Link href="/" className="mb-8 text-xl font-bold tracking-tight text-slate-900">
        Mini<span className="text-brand-600">Stat</span>
      </Link>
      <main className="w-full max-w-md rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">{children}</main>
      <p className="mt-8 max-w-md text-center text-xs leading-5 text-slate-500">
        We only need your e-mail address. No passwords, no tracking; one cookie keeps you signed in.
      </p>
    </div>
  );
}
