import { addDays, endOfMonth } from "@/lib/analytics/dates";
import { KINDS, type Kind } from "./aggregate-sql";

// daily_stats holds three grains of the same rows: local days (dimension "city"), ISO weeks
// ("week:city", day = the Monday) and calendar months ("month:city", day = the 1st). Because
// visitor ids change daily, a week's or month's row is exactly the sum of its days' rows, so
// the refresher keeps the coarse rows up to date by adding the change of each refreshed day.
// A 30-day period then reads ~4 weeks and a few days instead of 30 days; 12 months read 12
// month rows per value instead of 365 day rows.

export type Grain = "day" | "week" | "month";

export function grainDimension(grain: Grain, kind: Kind): string {
  return grain === "day" ? kind : `${grain}:${kind}`;
}

export const DAY_DIMENSIONS: readonly string[] = KINDS;
export const COARSE_DIMENSIONS: readonly string[] = KINDS.flatMap((k) => [grainDimension("week", k), grainDimension("month", k)]);

/** The Monday of the ISO week of `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export type Segments = { days: string[]; weeks: string[]; months: string[] };

/**
 * Covers from..to (inclusive local dates) with as few rollup rows as possible: whole months,
 * then whole weeks, then single days. With weeks off (monthly graphs need rows that do not
 * straddle months) only months and days are used.
 */
export function planSegments(from: string, to: string, useWeeks = true): Segments {
  const segments: Segments = { days: [], weeks: [], months: [] };
  const monthFits = (day: string) => day.endsWith("-01") && endOfMonth(day) <= to;
  let day = from;
  while (day <= to) {
    if (monthFits(day)) {
      segments.months.push(day);
      day = addDays(endOfMonth(day), 1);
    } else if (useWeeks && weekStart(day) === day && addDays(day, 6) <= to && !weekSkipsMonth(day, monthFits)) {
      segments.weeks.push(day);
      day = addDays(day, 7);
    } else {
      segments.days.push(day);
      day = addDays(day, 1);
    }
  }
  return segments;
}

// A week that contains the 1st of a month lying wholly in the range would hide that month.
function weekSkipsMonth(monday: string, monthFits: (day: string) => boolean): boolean {
  for (let i = 1; i < 7; i++) if (monthFits(addDays(monday, i))) return true;
  return false;
}
