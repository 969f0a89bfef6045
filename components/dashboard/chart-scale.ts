import type { Interval } from "@/lib/analytics/types";
import { formatDay, formatMonth } from "@/lib/analytics/format";

// Axis arithmetic for the main graph: whole-number gridlines and readable bucket labels.

/**
 * Gridline values from 0 up to at least `max`: whole, distinct, evenly spaced by the smallest
 * step of 1, 2, 2.5 or 5 × 10^n that needs no more than `target` intervals. Steps are whole
 * (never 0.25, never 2.5) because the y-axis counts people and pageviews: a peak of 1 gets
 * "0, 1", not "0, 0.25, 0.5, …" rounded to "0, 0, 1, 1, 1".
 */
export function axisTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const step = rough <= 1 ? 1 : wholeNiceStep(rough);
  const intervals = Math.ceil(max / step);
  return Array.from({ length: intervals + 1 }, (_, i) => i * step);
}

function wholeNiceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && Number.isInteger(s)) ?? 10 * magnitude;
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
