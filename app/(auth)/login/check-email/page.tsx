import Link from "next/link";
import { link } from "@/components/ui/styles";

// GET /login/check-email — Auth.js's "verify request" page.
export default function CheckEmailPage() {
  return (
    <div role="status" className="space-y-3 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Check your inbox</h1>
      <p className="text-sm text-slate-600">A sign-in link is on its way. It works once, for 15 minutes.</p>
      <Link href="/login" className={link}>
        Back to sign in
      </Link>
    </div>
  );
}
