import { addDays } from "@/lib/analytics/dates";
import { Rng } from "./random";
import { Weighted } from "./weighted";

// When visits happen: a daily curve in the site's time zone (quiet at night, peak mid
// afternoon), weekends lower, a slight growth over the month, day-to-day noise, and one
// Hacker News day. Local hours are turned into UTC instants per day, so DST changes and
// the UTC-vs-local day boundaries come out as they would for real traffic.

// Relative traffic per local hour 0–23.
const HOURS = [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.25, 0.45, 0.7, 0.9, 1.0, 1.05, 1.0, 1.1, 1.25, 1.3, 1.2, 1.0, 0.85, 0.8, 0.75, 0.65, 0.5, 0.35];
// Monday … Sunday.
const WEEKDAYS = [1.0, 1.05, 1.05, 1.0, 0.9, 0.6, 0.65];
const GROWTH_OVER_PERIOD = 0.1;
const DAILY_NOISE = 0.08;
const SPIKE_FACTOR = 1.6;

export type DayPlan = {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Share of the period's visits that fall on this day (all days sum to 1). */
  share: number;
  /** Hacker News front page: the extra visits come from there. */
  spike: boolean;
  /** Picks the UTC instant of a visit start on this day (only up to `now` on the last day). */
  sampleStart: (rng: Rng) => number;
};

export function planDays(options: { timezone: string; days: number; now: number; seed: number }): DayPlan[] {
  const rng = new Rng(options.seed ^ 0x5eed);
  const lastDate = localDate(options.timezone, options.now);
  const spikeIndex = Math.floor(options.days / 3);
  const plans: Array<Omit<DayPlan, "share"> & { weight: number }> = [];
  for (let i = 0; i < options.days; i++) {
    const date = addDays(lastDate, i - (options.days - 1));
    const hourStarts = Array.from({ length: 25 }, (_, h) => localToUtc(date, h, options.timezone));
    const hours: Array<readonly [number, number]> = [];
    for (let h = 0; h < 24; h++) if ((hourStarts[h] ?? Infinity) < options.now) hours.push([h, HOURS[h] ?? 0]);
    if (hours.length === 0) continue;
    // On the current day only the hours that have begun count, and visits stop at now.
    const elapsed = hours.reduce((sum, [, w]) => sum + w, 0) / HOURS.reduce((a, b) => a + b, 0);
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    const spike = i === spikeIndex && options.days >= 7;
    const weight =
      (WEEKDAYS[weekday] ?? 1) * (1 + (GROWTH_OVER_PERIOD * i) / Math.max(1, options.days - 1)) * (1 + DAILY_NOISE * (2 * rng.next() - 1)) * (spike ? SPIKE_FACTOR : 1) * elapsed;
    const picker = new Weighted(hours);
    const sampleStart = (r: Rng): number => {
      for (;;) {
        const h = picker.sample(r);
        const start = hourStarts[h] ?? 0;
        const end = hourStarts[h + 1] ?? start + 3_600_000;
        const at = start + Math.floor(r.next() * (end - start));
        if (at < options.now) return at;
      }
    };
    plans.push({ date, spike, weight, sampleStart });
  }
  const total = plans.reduce((sum, p) => sum + p.weight, 0);
  return plans.map(({ weight, ...p }) => ({ ...p, share: weight / total }));
}

/** The UTC instant of local `hour`:00 on `date` in `timezone` (hour 24 = next midnight). */
export function localToUtc(date: string, hour: number, timezone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST).
  let utc = wall - offsetMs(wall, timezone);
  utc = wall - offsetMs(utc, timezone);
  return utc;
}

function offsetMs(instant: number, timezone: string): number {
  const parts = formatter(timezone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timezone, f);
  }
  return f;
}

export function localDate(timezone: string, instant: number): string {
  return new Date(instant + offsetMs(instant, timezone)).toISOString().slice(0, 10);
}
