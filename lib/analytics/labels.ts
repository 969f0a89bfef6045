import type { Dimension, Metric, PeriodKey } from "@/lib/analytics/types";

// The names a person reads for periods, dimensions and metrics: on the dashboard and in the
// report e-mails.

export const PERIOD_LABELS: Record<PeriodKey, string> = {
  today: "Today",
  yesterday: "Yesterday",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  month: "Month to date",
  last_month: "Last month",
  "12mo": "Last 12 months",
  custom: "Custom range",
};

export const DIMENSION_LABELS: Record<Dimension, string> = {
  channel: "Channel",
  source: "Source",
  utm_source: "UTM source",
  utm_medium: "UTM medium",
  utm_campaign: "UTM campaign",
  page: "Page",
  entry_page: "Entry page",
  exit_page: "Exit page",
  country: "Country",
  region: "Region",
  city: "City",
  browser: "Browser",
  os: "Operating system",
  device: "Device",
  event: "Event",
};

export const METRIC_LABELS: Record<Metric, string> = {
  visitors: "Unique visitors",
  visits: "Total visits",
  pageviews: "Total pageviews",
  viewsPerVisit: "Views per visit",
  bounceRate: "Bounce rate",
  visitDuration: "Visit duration",
};
