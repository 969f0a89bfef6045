import { localDate } from "@/lib/analytics/dates";

// A UTC day covers one or two local days of a time zone (offsets lie within ±14 hours),
// so a change on a UTC day can touch both.

export function localDaysOfUtcDay(utcDay: string, timezone: string): string[] {
  const first = localDate(timezone, new Date(`${utcDay}T00:00:00.000Z`));
  const last = localDate(timezone, new Date(`${utcDay}T23:59:59.999Z`));
  return first === last ? [first] : [first, last];
}
