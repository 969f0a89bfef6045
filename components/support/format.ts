// Dates on the support pages: one unambiguous form, rendered on the server (UTC, named).

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** "27 Nov 2026, 14:03 UTC" */
export function formatWhen(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}
