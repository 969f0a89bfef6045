import Link from "next/link";
import { buttonPrimary } from "@/components/ui/styles";

// A conversation that does not exist or is not the signed-in customer's: the same answer.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Conversation not found</h1>
      <p className="mt-2 text-sm text-slate-600">It does not exist, or it belongs to another account.</p>
      <Link href="/support" className={`${buttonPrimary} mt-6`}>
        Your conversations
      </Link>
    </div>
  );
}
