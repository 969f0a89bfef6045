import type { Interval } from "@/lib/analytics/query/types";
import { formatDay, formatMonth } from "./format";

// Axis arithmetic for the main graph: a "nice" top value and readable bucket labels.

/** The smallest 1/2/2.5/5 × 10^n at or above max, so gridlines land on round numbers. */
export function niceCeiling(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: ticks, step: 1 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: step * ticks, step };
}

const monthLong = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function parseBucket(bucket: string): Date | null {
  const iso = bucket.length === 7 ? `${bucket}-01T00:00:00Z` : bucket.length === 10 ? `${bucket}T00:00:00Z` : `${bucket}:00Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A short axis label: "14:00", "3 Nov", "Nov 26". */
export function bucketLabel(bucket: string, interval: Interval): string {
  if (!parseBucket(bucket)) return bucket;
  if (interval === "hour") return bucket.slice(11, 16);
  if (interval === "month") return formatMonth(bucket);
  return formatDay(bucket);
}

/** A full label for the tooltip: "Mon, 3 Nov 2026, 14:00", "November 2026". */
export function bucketTitle(bucket: string, interval: Interval): string {
  const date = parseBucket(bucket);
  if (!date) return bucket;
  if (interval === "month") return monthLong.format(date);
  if (interval === "hour") return `${formatDay(bucket, { weekday: true })}, ${bucket.slice(11, 16)}`;
  return formatDay(bucket, { weekday: true });
}

/** Indexes of at most `count` evenly spaced labels, always including the first and last. */
export function labelIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}
