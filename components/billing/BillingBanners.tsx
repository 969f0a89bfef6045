import Link from "next/link";
import { getAccountBilling } from "@/lib/billing/account-access";
import { billingBanners, type BillingBanner } from "@/lib/billing/banners";
import { monthUsage } from "@/lib/billing/usage";

// Trial, grace, locked, failed payment and usage notices above every signed-in page. Rendered
// in a Suspense boundary of its own: the page never waits for the month's pageview count.

const tones: Record<BillingBanner["tone"], string> = {
  info: "bg-brand-50 text-slate-900 ring-brand-100",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-900 ring-red-200",
};

export async function BillingBanners({ userId }: { userId: string }) {
  const status = await getAccountBilling(userId);
  if (status.kind === "unconfigured") return null;
  const usage = status.kind === "subscribed" && status.plan ? await monthUsage(userId) : null;
  const banners = billingBanners(status, usage?.total ?? null);
  if (banners.length === 0) return null;
  return (
    <section aria-label="Billing notices" className="mx-auto w-full max-w-6xl space-y-2 px-4 pt-4 sm:px-6 lg:px-8">
      {banners.map((banner) => (
        <p key={banner.kind} data-testid={`billing-banner-${banner.kind}`} className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg px-4 py-2.5 text-sm ring-1 ${tones[banner.tone]}`}>
          <span>{banner.message}</span>
          <Link href="/settings/billing" className="font-semibold underline underline-offset-2">
            {banner.action}
          </Link>
        </p>
      ))}
    </section>
  );
}
