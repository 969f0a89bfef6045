import { getAppUrl } from "@/lib/config/env";
import type { DateSpan } from "./periods";
import { createUnsubscribeToken } from "./unsubscribe-token";

// The absolute links in report e-mails, all built on APP_URL (never on a request's Host).

/** The dashboard showing exactly the reported period (the dashboard's own URL parameters). */
export function reportDashboardUrl(domain: string, period: DateSpan): string {
  return `${getAppUrl()}/sites/${encodeURIComponent(domain)}?period=custom&from=${period.from}&to=${period.to}`;
}

/** GET shows a page with an "Unsubscribe" button; POST (RFC 8058 one-click) unsubscribes. */
export function reportUnsubscribeUrl(subscriptionId: string): string {
  return `${getAppUrl()}/reports/unsubscribe/${createUnsubscribeToken(subscriptionId)}`;
}

/** GET shows a page with a "Confirm" button; POST confirms. */
export function reportConfirmUrl(token: string): string {
  return `${getAppUrl()}/reports/confirm/${encodeURIComponent(token)}`;
}

export function reportSettingsUrl(domain: string): string {
  return `${getAppUrl()}/sites/${encodeURIComponent(domain)}/settings#email-reports`;
}
