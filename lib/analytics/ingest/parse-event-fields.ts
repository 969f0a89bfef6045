import { domainToASCII } from "node:url";

// Field-level helpers for parseEvent. Each returns a value or an error string and
// never throws, so parseEvent stays a flat list of checks.

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const LIMITS = {
  bodyBytes: 8192,
  name: 120,
  url: 2048,
  domain: 253,
  referrer: 2048,
  screenWidth: 100_000,
  pathname: 1024,
  utm: 256,
  props: 30,
  propKey: 64,
  propValue: 500,
} as const;

// Postgres text columns reject U+0000, and one bad row would fail a whole batched insert.
export function stripNul(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
}

// Cut without leaving half a surrogate pair behind (it would become U+FFFD on the wire).
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export type PageUrl = {
  hostname: string;
  pathname: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
};

const URL_ERROR = `u (page URL) must be an absolute http(s) URL of at most ${LIMITS.url} characters`;

// Only the path and the utm_* parameters survive: other query parameters and the
// fragment can carry personal data (e-mail addresses, tokens), so they are never kept.
export function parsePageUrl(input: unknown): FieldResult<PageUrl> {
  if (input === undefined || input === null || input === "") return { ok: false, error: "u (page URL) is required" };
  if (typeof input !== "string" || input.length > LIMITS.url) return { ok: false, error: URL_ERROR };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, error: URL_ERROR };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    return { ok: false, error: URL_ERROR };
  }
  // Skip building URLSearchParams for the common case of no query at all.
  const params = url.search.length > 1 ? url.searchParams : null;
  return {
    ok: true,
    value: {
      hostname: url.hostname,
      pathname: normalisePathname(url.pathname),
      utmSource: utm(params, "utm_source"),
      utmMedium: utm(params, "utm_medium"),
      utmCampaign: utm(params, "utm_campaign"),
      utmContent: utm(params, "utm_content"),
      utmTerm: utm(params, "utm_term"),
    },
  };
}

// "/blog/" and "/blog" are one page; "/" stays "/". The URL parser has already
// percent-encoded the path, so it is ASCII and kept encoded (unambiguous; the
// dashboard decodes for display).
export function normalisePathname(pathname: string): string {
  let end = pathname.length;
  while (end > 1 && pathname.charCodeAt(end - 1) === 47 /* "/" */) end--;
  let path = end === pathname.length ? pathname : pathname.slice(0, end);
  if (path.length > LIMITS.pathname) {
    path = path.slice(0, LIMITS.pathname);
    // Do not end on half a percent-escape such as "%C" or "%".
    const pct = path.lastIndexOf("%");
    if (pct !== -1 && pct >= path.length - 2) path = path.slice(0, pct);
  }
  return path === "" ? "/" : path;
}

function utm(params: URLSearchParams | null, key: string): string | null {
  const raw = params?.get(key);
  if (raw === undefined || raw === null) return null;
  const value = stripNul(raw).trim();
  return value === "" ? null : truncate(value, LIMITS.utm);
}

const DOMAIN_ERROR = "d (domain) must be a domain name such as example.com (no scheme, port or path)";
const DOMAIN_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Sites are stored by their ASCII domain without "www.", so "WWW.Example.com" and
// "münchen.de" (→ "xn--mnchen-3ya.de") find their site.
export function normaliseDomain(input: unknown): FieldResult<string> {
  if (input === undefined || input === null || input === "") return { ok: false, error: "d (domain) is required" };
  if (typeof input !== "string" || input.length > LIMITS.domain + 4) return { ok: false, error: DOMAIN_ERROR };
  let domain = input.trim().toLowerCase();
  // Only internationalised names pay for the IDNA conversion.
  if (/[\u0080-\uffff]/.test(domain)) domain = domainToASCII(domain);
  if (domain.startsWith("www.")) domain = domain.slice(4);
  if (domain.length === 0 || domain.length > LIMITS.domain || !DOMAIN_RE.test(domain)) {
    return { ok: false, error: DOMAIN_ERROR };
  }
  return { ok: true, value: domain };
}

// The referrer is only used to classify the source (it may hold a query string, so it
// is never stored as is). Anything unusable becomes null instead of losing the event.
export function parseReferrer(input: unknown): string | null {
  if (typeof input !== "string" || input.length > LIMITS.referrer) return null;
  const referrer = stripNul(input).trim();
  // Any absolute URL: android-app://com.google.android.gm is a useful referrer too.
  return /^[a-z][a-z0-9+.-]*:\/\/./i.test(referrer) ? referrer : null;
}

export function parseScreenWidth(input: unknown): number | null {
  return typeof input === "number" && Number.isInteger(input) && input >= 0 && input <= LIMITS.screenWidth
    ? input
    : null;
}

// Keys that break the limits reject the event (a tracker/integration bug the site
// owner should see); long values are cut instead, because they are often user
// content (a search term) and dropping the whole event for it would lose a pageview.
export function parseProps(input: unknown): FieldResult<Record<string, string>> {
  if (input === undefined || input === null) return { ok: true, value: {} };
  if (typeof input !== "object" || Array.isArray(input)) return { ok: false, error: "p (props) must be an object" };
  const source = input as Record<string, unknown>;
  const keys = Object.keys(source);
  if (keys.length > LIMITS.props) return { ok: false, error: `p (props) may have at most ${LIMITS.props} entries` };
  const entries: [string, string][] = [];
  for (const rawKey of keys) {
    const key = stripNul(rawKey);
    if (key.length < 1 || key.length > LIMITS.propKey) {
      return { ok: false, error: `p (props) keys must be 1 to ${LIMITS.propKey} characters` };
    }
    const value = source[rawKey];
    let text: string;
    if (typeof value === "string") text = stripNul(value);
    else if (typeof value === "boolean") text = value ? "true" : "false";
    else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
    else {
      return {
        ok: false,
        error: `p (props) value of ${JSON.stringify(key)} must be a string, finite number or boolean`,
      };
    }
    entries.push([key, truncate(text, LIMITS.propValue)]);
  }
  // fromEntries defines own properties, so a "__proto__" key cannot touch the prototype.
  return { ok: true, value: Object.fromEntries(entries) };
}
