import Link from "next/link";
import { ShareFrame } from "@/components/dashboard/ShareFrame";
import { buttonPrimary } from "@/components/ui/styles";

export default function NotFound() {
  return (
    <ShareFrame>
      <div className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">This shared link does not exist</h1>
        <p className="mt-2 text-sm text-slate-600">It may have been deleted by the site&apos;s owner. Ask them for a new link.</p>
        <Link href="/" className={`${buttonPrimary} mt-6`}>About MiniStat</Link>
      </div>
    </ShareFrame>
  );
}
