import { card, link } from "@/components/ui/styles";
import type { UsageOverview } from "@/lib/billing/billing-overview";
import { formatEur, formatPageviews } from "@/lib/billing/plans";
import { UsageBar } from "./UsageBar";

// This calendar month's pageviews, in total and per site, against the plan's limit (or, with
// no plan yet, against the plan that fits), and the plan that fits. Nothing is ever dropped
// over the limit.

function monthName(month: string): string {
  const [year, m] = month.split("-").map(Number);
  if (!year || !m) return month;
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

export function UsageSection({ usage, contactEmail }: { usage: UsageOverview; contactEmail: string }) {
  const limit = formatPageviews(usage.limit);
  const against = usage.limitFrom === "plan" ? `your plan's limit of ${limit}` : `the limit of the ${limit} plan, which fits`;
  return (
    <section aria-labelledby="usage-heading" className={card}>
      <h2 id="usage-heading" className="text-lg font-semibold text-slate-900">Usage in {monthName(usage.month)}</h2>
      <p className="mt-1 text-sm text-slate-600">Pageviews of all your sites this month, against {against}. Events over the limit are still recorded.</p>
      <div className="mt-5 space-y-5">
        <UsageBar id="usage-total" label="All sites" pageviews={usage.total} limit={usage.limit} />
        {usage.sites.length > 0 && (
          <ul className="space-y-4 border-t border-slate-100 pt-4" aria-label="Pageviews per site">
            {usage.sites.map((site) => (
              <li key={site.siteId}>
                <UsageBar id={`usage-site-${site.siteId}`} label={site.domain} pageviews={site.pageviews} limit={usage.limit} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="mt-5 text-sm text-slate-700" data-testid="plan-that-fits">
        {usage.fits ? (
          <>
            At {usage.total.toLocaleString("en-US")} pageviews this month, the <strong className="font-semibold">{formatPageviews(usage.fits.pageviewsPerMonth)}</strong> plan fits ({formatEur(usage.fits.monthlyEur)} a month or {formatEur(usage.fits.yearlyEur)} a year).
          </>
        ) : (
          <>
            Above 10M pageviews a month: <a href={`mailto:${contactEmail}`} className={link}>contact us</a> for a plan.
          </>
        )}
      </p>
    </section>
  );
}
