import { numberArray, textArrayOf } from "./pg-array";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";

// The columns a flush writes, declared once: both the INSERT statements and the array
// parameters that feed their unnest() come from these lists, so they cannot drift apart.

type Column<T> =
  | { name: string; kind: "text" | "jsonb"; get: (row: T) => string | null }
  | { name: string; kind: "int8" | "int4" | "ms"; get: (row: T) => number | string };

export const EVENT_COLUMNS: ReadonlyArray<Column<EventRecord>> = [
  { name: "site_id", kind: "text", get: (e) => e.site.siteId },
  { name: "ts", kind: "ms", get: (e) => e.ts },
  { name: "name", kind: "text", get: (e) => e.name },
  { name: "visitor_id", kind: "int8", get: (e) => e.visitorId },
  { name: "visit_id", kind: "int8", get: (e) => e.visitId },
  { name: "pathname", kind: "text", get: (e) => e.pathname },
  { name: "props", kind: "jsonb", get: (e) => e.props },
];

export const VISIT_COLUMNS: ReadonlyArray<Column<VisitRecord>> = [
  { name: "site_id", kind: "text", get: (v) => v.site.siteId },
  { name: "visit_id", kind: "int8", get: (v) => v.visitId },
  { name: "visitor_id", kind: "int8", get: (v) => v.visitorId },
  { name: "started_at", kind: "ms", get: (v) => v.startedAt },
  { name: "ended_at", kind: "ms", get: (v) => v.lastSeen },
  { name: "entry_page", kind: "text", get: (v) => v.entryPage },
  { name: "exit_page", kind: "text", get: (v) => v.exitPage },
  { name: "pageviews", kind: "int4", get: (v) => v.pageviews },
  { name: "events", kind: "int4", get: (v) => v.events },
  { name: "source", kind: "text", get: (v) => v.source },
  { name: "referrer_host", kind: "text", get: (v) => v.referrerHost },
  { name: "channel", kind: "text", get: (v) => v.channel },
  { name: "utm_source", kind: "text", get: (v) => v.utmSource },
  { name: "utm_medium", kind: "text", get: (v) => v.utmMedium },
  { name: "utm_campaign", kind: "text", get: (v) => v.utmCampaign },
  { name: "utm_content", kind: "text", get: (v) => v.utmContent },
  { name: "utm_term", kind: "text", get: (v) => v.utmTerm },
  { name: "country", kind: "text", get: (v) => v.country },
  { name: "region", kind: "text", get: (v) => v.region },
  { name: "city", kind: "text", get: (v) => v.city },
  { name: "browser", kind: "text", get: (v) => v.browser },
  { name: "os", kind: "text", get: (v) => v.os },
  { name: "device", kind: "text", get: (v) => v.device },
];

// A visit already in the table only moves its end, exit page and counters: later flushes
// send these 6 columns instead of all 23 (less to encode here and to parse in Postgres).
export const VISIT_CHANGE_COLUMNS: ReadonlyArray<Column<VisitRecord>> = VISIT_COLUMNS.filter((column) =>
  ["site_id", "visit_id", "ended_at", "exit_page", "pageviews", "events"].includes(column.name),
);

/** One array literal per column, in column order. */
export function encodeColumns<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string[] {
  return columns.map((column) => {
    switch (column.kind) {
      case "text":
      case "jsonb":
        return textArrayOf(rows, column.get);
      default:
        return numberArray(rows.map((row) => column.get(row)));
    }
  });
}

/**
 * `INSERT INTO table (a, b) SELECT a, to_timestamp(b / 1000.0) FROM unnest($1::text[], $2::float8[]) AS u(a, b)`.
 * Epoch milliseconds travel as float8 and become timestamptz in Postgres, which is
 * cheaper than formatting an ISO string per row in JavaScript.
 */
export function insertFromArrays<T>(table: string, columns: ReadonlyArray<Column<T>>): string {
  const names = columns.map((c) => c.name).join(", ");
  return `INSERT INTO ${table} (${names}) ${selectFromArrays(columns)}`;
}

/** `SELECT a, to_timestamp(b / 1000.0) AS b FROM unnest($1::text[], $2::float8[]) AS u(a, b)`. */
export function selectFromArrays<T>(columns: ReadonlyArray<Column<T>>): string {
  const names = columns.map((c) => c.name).join(", ");
  const select = columns.map((c) => (c.kind === "ms" ? `to_timestamp(${c.name} / 1000.0) AS ${c.name}` : c.name));
  const arrays = columns.map((c, i) => `$${i + 1}::${c.kind === "ms" ? "float8" : c.kind}[]`);
  return `SELECT ${select.join(", ")} FROM unnest(${arrays.join(", ")}) AS u(${names})`;
}
