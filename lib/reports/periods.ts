import { addDays, addMonths, endOfMonth, localDate } from "@/lib/analytics/dates";

// Which week or month a report covers. Periods are local calendar dates in the site's time
// zone (like every dashboard period): a week runs Monday–Sunday, a month from the 1st to its
// last day. A report covers the last period that has completely ended, compared with the one
// before it: the previous week, or the previous calendar month (whatever its length).

export const REPORT_FREQUENCIES = ["weekly", "monthly"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** Local dates, both inclusive. */
export type DateSpan = { from: string; to: string };

export type ReportPeriod = DateSpan & { frequency: ReportFrequency; previous: DateSpan };

/**
 * A period is reported this long after it ended (local midnight), so that its last events are
 * in: the writer stores accepted events in Postgres every second, the rollups of written days
 * refresh every ROLLUP_INTERVAL_SECONDS (5 s; a little longer on the biggest sites), and an app
 * that crashed replays its spool when it starts again.
 */
export const REPORT_DELAY_MINUTES = 30;

/** The last period of this kind that ended before `now`, in `timezone`. */
export function lastCompletedPeriod(frequency: ReportFrequency, timezone: string, now: Date): ReportPeriod {
  const today = localDate(timezone, now);
  if (frequency === "weekly") {
    const monday = addDays(today, -daysSinceMonday(today));
    const from = addDays(monday, -7);
    return { frequency, from, to: addDays(monday, -1), previous: { from: addDays(from, -7), to: addDays(from, -1) } };
  }
  const from = addMonths(today, -1);
  const previousFrom = addMonths(from, -1);
  return { frequency, from, to: endOfMonth(from), previous: { from: previousFrom, to: endOfMonth(previousFrom) } };
}

/** The period a report is due for at `now`: the last one that ended at least REPORT_DELAY_MINUTES ago. */
export function dueReportPeriod(frequency: ReportFrequency, timezone: string, now: Date): ReportPeriod {
  return lastCompletedPeriod(frequency, timezone, new Date(now.getTime() - REPORT_DELAY_MINUTES * 60_000));
}

/**
 * Whether the period ended after `instant` (a subscription's confirmation): true when
 * `instant` falls on or before the period's last local day. A new subscriber gets the next
 * report that ends after they joined, never a backlog.
 */
export function periodEndsAfter(period: DateSpan, timezone: string, instant: Date): boolean {
  return localDate(timezone, instant) <= period.to;
}

/** 0 for Monday … 6 for Sunday. */
function daysSinceMonday(isoDate: string): number {
  return (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The first day of the period as the DATE column report_deliveries.period_start stores it. */
export function periodStartDate(period: DateSpan): Date {
  return new Date(`${period.from}T00:00:00Z`);
}
