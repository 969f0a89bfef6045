import { getAppUrl } from "@/lib/config/env";

// Every absolute URL MiniStat hands out (links in e-mails, redirects) is built on APP_URL.
// The Host and X-Forwarded-Host headers are whatever the client chose to send: a link built
// from them can point at someone else's server and carry a working sign-in token there.

/** APP_URL's host (`ministat.eu`, `localhost:3000`): the only host we answer as. */
export function getAppHost(): string {
  return new URL(getAppUrl()).host;
}

/**
 * `target` as an absolute URL on APP_URL: a path stays (`/sites/x` → `https://app/sites/x`),
 * an absolute URL on APP_URL's origin stays, anything else (another origin, `//evil`,
 * `/\evil`, `javascript:`) becomes `fallbackPath` on APP_URL.
 */
export function toAppUrl(target: string | null | undefined, fallbackPath = "/dashboard"): string {
  const base = getAppUrl();
  const fallback = `${base}${fallbackPath}`;
  if (!target) return fallback;
  // Browsers read "//host" and "/\host" as another host; only a plain path is relative.
  if (/^\/(?![/\\])/.test(target)) return `${base}${target}`;
  try {
    const url = new URL(target);
    return url.origin === new URL(base).origin ? url.toString() : fallback;
  } catch {
    return fallback;
  }
}

/** The path (with query) of `target` when it is on APP_URL, else `fallbackPath`. */
export function toAppPath(target: string | null | undefined, fallbackPath = "/dashboard"): string {
  const url = new URL(toAppUrl(target, fallbackPath));
  return `${url.pathname}${url.search}`;
}
