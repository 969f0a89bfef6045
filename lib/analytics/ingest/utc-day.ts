// "YYYY-MM-DD" of a UTC instant. Every event needs its day (salt key, dirty-day keys),
// and nearly all of them fall on the same day, so the last answer is memoised by its
// range instead of formatting a Date per event.

export const DAY_MS = 86_400_000;

let start = 0;
let end = 0;
let text = "1970-01-01";

export function utcDay(ms: number): string {
  if (ms < start || ms >= end) {
    start = Math.floor(ms / DAY_MS) * DAY_MS;
    end = start + DAY_MS;
    text = new Date(start).toISOString().slice(0, 10);
  }
  return text;
}
