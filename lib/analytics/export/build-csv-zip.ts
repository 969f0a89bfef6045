import { strToU8, zipSync, type Zippable } from "fflate";
import type { BreakdownRow, DateRange, Dimension, GoalRow, TimeseriesPoint } from "@/lib/analytics/types";
import { toCsv } from "./csv";

// The dashboard's CSV export: one CSV per panel, zipped. Pure — the route loads the data.

export type ExportData = {
  timeseries: TimeseriesPoint[];
  breakdowns: Partial<Record<Dimension, BreakdownRow[]>>;
  goals: GoalRow[];
};

/** Each exported breakdown: its dimension, file name and the first column's title. */
export const EXPORTED_BREAKDOWNS: readonly { dimension: Dimension; file: string; column: string }[] = [
  { dimension: "channel", file: "channels.csv", column: "channel" },
  { dimension: "source", file: "sources.csv", column: "source" },
  { dimension: "utm_source", file: "utm_sources.csv", column: "utm_source" },
  { dimension: "utm_medium", file: "utm_mediums.csv", column: "utm_medium" },
  { dimension: "utm_campaign", file: "utm_campaigns.csv", column: "utm_campaign" },
  { dimension: "page", file: "pages.csv", column: "page" },
  { dimension: "entry_page", file: "entry_pages.csv", column: "entry_page" },
  { dimension: "exit_page", file: "exit_pages.csv", column: "exit_page" },
  { dimension: "country", file: "countries.csv", column: "country" },
  { dimension: "region", file: "regions.csv", column: "region" },
  { dimension: "city", file: "cities.csv", column: "city" },
  { dimension: "browser", file: "browsers.csv", column: "browser" },
  { dimension: "os", file: "operating_systems.csv", column: "os" },
  { dimension: "device", file: "devices.csv", column: "device" },
  { dimension: "event", file: "custom_events.csv", column: "event" },
];

const METRIC_COLUMNS = ["visitors", "visits", "pageviews", "bounce_rate", "visit_duration_seconds", "events"] as const;

export function buildCsvFiles(data: ExportData): Record<string, string> {
  const files: Record<string, string> = {
    "visitors.csv": toCsv(
      ["date", "visitors", "visits", "pageviews", "views_per_visit", "bounce_rate", "visit_duration_seconds"],
      data.timeseries.map((p) => [p.bucket, p.visitors, p.visits, p.pageviews, p.viewsPerVisit, p.bounceRate, p.visitDuration]),
    ),
  };
  for (const { dimension, file, column } of EXPORTED_BREAKDOWNS) {
    const rows = data.breakdowns[dimension] ?? [];
    files[file] = toCsv(
      [column, ...METRIC_COLUMNS],
      rows.map((r) => [r.value, r.visitors, r.visits, r.pageviews, r.bounceRate, r.visitDuration, r.events]),
    );
  }
  files["goals.csv"] = toCsv(
    ["goal", "kind", "unique_conversions", "total_events", "conversion_rate"],
    data.goals.map((g) => [g.label, g.kind, g.visitors, g.events, g.conversionRate]),
  );
  return files;
}

export function buildCsvZip(data: ExportData): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, csv] of Object.entries(buildCsvFiles(data))) zippable[name] = strToU8(csv);
  return zipSync(zippable, { level: 6 });
}

export function exportFileName(domain: string, range: Pick<DateRange, "from" | "to">): string {
  const safeDomain = domain.replace(/[^A-Za-z0-9.-]/g, "_");
  return `ministat-${safeDomain}-${range.from}-${range.to}.zip`;
}
