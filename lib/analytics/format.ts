import type { Metric } from "./types";

// Number, duration and date formatting shared by the dashboard (server and client parts) and
// the report e-mails, so both show a figure the same way.

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en");

/** 1234 → "1.2k"; small numbers stay exact. */
export function formatCount(value: number): string {
  return Math.abs(value) < 10_000 ? whole.format(Math.round(value)) : compact.format(value).toLowerCase();
}

export function formatExact(value: number): string {
  return whole.format(Math.round(value));
}

export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** 65 → "1m 05s", 3700 → "1h 01m", 7 → "7s". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

export function formatRatio(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, "") || "0";
}

/** Percentage change from previous to current; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) / previous) * 100);
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

export function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code || "Unknown";
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "DE" → 🇩🇪 (two regional indicator symbols); empty for anything that is not a 2-letter code. */
export function flagEmoji(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return "";
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function formatMetric(metric: Metric, value: number, exact = false): string {
  switch (metric) {
    case "bounceRate":
      return formatPercent(value);
    case "visitDuration":
      return formatDuration(value);
    case "viewsPerVisit":
      return formatRatio(value);
    default:
      return exact ? formatExact(value) : formatCount(value);
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "2026-11-03" → "3 Nov" (with year: "3 Nov 2026"; with weekday: "Tue, 3 Nov 2026"). Fixed English abbreviations. */
export function formatDay(iso: string, options: { year?: boolean; weekday?: boolean } = {}): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${options.year || options.weekday ? ` ${date.getUTCFullYear()}` : ""}`;
  return options.weekday ? `${WEEKDAYS[date.getUTCDay()]}, ${text}` : text;
}

/** "2026-11" → "Nov 26" (long: "November 2026" is left to the caller). */
export function formatMonth(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${iso.slice(2, 4)}` : iso;
}

export function formatRange(from: string, to: string): string {
  if (from === to) return formatDay(from, { year: true });
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDay(from, { year: !sameYear })} – ${formatDay(to, { year: true })}`;
}

/** Conversion rates keep one decimal: 2.34 → "2.3%". */
export function formatRate(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}
