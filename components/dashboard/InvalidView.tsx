import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

// A dashboard URL with a bad period, date or filter: say what is wrong, offer the default view.
export function InvalidView({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">This dashboard link is not valid</h1>
      <p role="alert" className="mt-2 text-sm text-slate-600">{message}</p>
      <Link href={resetHref} className={`${buttonPrimary} mt-6`}>Show the last 30 days</Link>
    </div>
  );
}
