import Link from "next/link";
import { PageIntro } from "@/components/marketing/PageIntro";
import { container, textLink } from "@/components/marketing/styles";
import { SupportForm } from "./SupportForm";

// The support form as a public page, in the marketing pages' look.
export function PublicSupportPage({ recaptchaSiteKey }: { recaptchaSiteKey: string | null }) {
  return (
    <div className={`${container} py-16 sm:py-20`}>
      <PageIntro kicker="Support" title="How can we help?">
        <p>Ask about your account, your sites or your statistics. A person answers, by e-mail, usually within one working day.</p>
      </PageIntro>
      <div className="mx-auto mt-12 max-w-2xl rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <SupportForm account={null} recaptchaSiteKey={recaptchaSiteKey} />
      </div>
      <p className="mx-auto mt-6 max-w-2xl text-center text-sm text-slate-600">
        Already a customer?{" "}
        <Link href="/login" className={textLink}>
          Sign in
        </Link>{" "}
        to see your earlier conversations.
      </p>
    </div>
  );
}
