import { formatEur } from "./plans";

// Dates and amounts on the billing page, banners and prompts: dates as days in UTC (as in the
// billing e-mails), amounts from Stripe's cents.

export function formatBillingDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function formatAmount(cents: number, currency: string): string {
  if (currency.toLowerCase() === "eur" && cents % 100 === 0) return formatEur(cents / 100);
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}
