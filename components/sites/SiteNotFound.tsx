import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

// Same page for a site that does not exist and one that belongs to someone else.
export function SiteNotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Site not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no site at this address in your account.</p>
      <Link href="/dashboard" className={`${buttonPrimary} mt-6`}>Back to your sites</Link>
    </div>
  );
}
