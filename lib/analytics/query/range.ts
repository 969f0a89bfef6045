import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate, localDate, startOfMonth } from "@/lib/analytics/dates";
import type { DateRange, Interval, PeriodKey } from "@/lib/analytics/types";

// Periods resolve to local calendar dates in the site's time zone; the SQL turns those into
// UTC bounds, so "today" in Tokyo and "today" in New York are different instants.

export const MAX_RANGE_DAYS = 731; // two years, leap day included
const MAX_DAILY_DAYS = 93; // about three months of daily points, then monthly
const EARLIEST = "2000-01-01";
const LATEST = "2099-12-31";

export class InvalidRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRangeError";
  }
}

/** A readable problem with a custom range, or null when it is fine. */
export function checkCustomRange(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return "A custom period needs both from and to (YYYY-MM-DD).";
  if (!isIsoDate(from)) return `from must be a real date like 2026-03-09 (got "${from}").`;
  if (!isIsoDate(to)) return `to must be a real date like 2026-03-09 (got "${to}").`;
  if (from < EARLIEST || to > LATEST) return `Dates must lie between ${EARLIEST} and ${LATEST}.`;
  if (from > to) return `from (${from}) must not be after to (${to}).`;
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return "A custom period can span at most two years.";
  return null;
}

export function intervalFor(from: string, to: string): Interval {
  const days = daysBetween(from, to) + 1;
  if (days === 1) return "hour";
  return days <= MAX_DAILY_DAYS ? "day" : "month";
}

export type RangeInput = { period: PeriodKey; from?: string; to?: string };

export function resolveRange(input: RangeInput, timezone: string, now = new Date()): DateRange {
  const today = localDate(timezone, now);
  const range = (from: string, to: string, interval: Interval): DateRange => ({ period: input.period, from, to, interval });
  switch (input.period) {
    case "today":
      return range(today, today, "hour");
    case "yesterday":
      return range(addDays(today, -1), addDays(today, -1), "hour");
    case "7d":
      return range(addDays(today, -6), today, "day");
    case "30d":
      return range(addDays(today, -29), today, "day");
    case "month":
      return range(startOfMonth(today), today, "day");
    case "last_month": {
      const first = addMonths(today, -1);
      return range(first, endOfMonth(first), "day");
    }
    case "12mo":
      return range(addMonths(today, -11), today, "month");
    case "custom": {
      const problem = checkCustomRange(input.from, input.to);
      if (problem || !input.from || !input.to) throw new InvalidRangeError(problem ?? "Invalid custom period.");
      return range(input.from, input.to, intervalFor(input.from, input.to));
    }
  }
}

/** The period of the same length that ends the day before `range` starts. */
export function previousRange(range: DateRange): DateRange {
  const length = daysBetween(range.from, range.to) + 1;
  const to = addDays(range.from, -1);
  return { ...range, from: addDays(to, -(length - 1)), to };
}
