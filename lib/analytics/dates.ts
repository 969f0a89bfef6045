// Calendar arithmetic on "YYYY-MM-DD" strings, shared by ingestion, the writer, rollups,
// queries and reports. Dates are plain calendar days (no time, no zone), so all arithmetic
// runs in UTC where every day has 24 hours.

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return toIsoDate(date) === value; // rejects 2026-02-30, which Date would roll over
}

function parse(value: string): Date {
  if (!isIsoDate(value)) throw new Error(`not a date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (or before, when negative) `value`. */
export function addDays(value: string, days: number): string {
  const date = parse(value);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** The first day of the month `months` away from the month of `value`. */
export function addMonths(value: string, months: number): string {
  const date = parse(value);
  return toIsoDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

export function startOfMonth(value: string): string {
  return `${value.slice(0, 7)}-01`;
}

export function endOfMonth(value: string): string {
  return addDays(addMonths(value, 1), -1);
}

/** Whole days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

// Building a DateTimeFormat costs far more than using one; the writer asks on every flush.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date in `timezone` at the instant `now`. */
export function localDate(timezone: string, now: Date): string {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (formats.size < 1000) formats.set(timezone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

// Every event needs its UTC day (salt key, dirty-day keys), and nearly all of them fall on
// the same day, so the last answer is memoised by its range instead of formatting a Date
// per event.
let utcDayStart = 0;
let utcDayEnd = 0;
let utcDayText = "1970-01-01";

/** "YYYY-MM-DD" of a UTC instant (milliseconds since the epoch). */
export function utcDay(ms: number): string {
  if (ms < utcDayStart || ms >= utcDayEnd) {
    utcDayStart = Math.floor(ms / DAY_MS) * DAY_MS;
    utcDayEnd = utcDayStart + DAY_MS;
    utcDayText = new Date(utcDayStart).toISOString().slice(0, 10);
  }
  return utcDayText;
}
