import { lookupHost, lookupUtmSource, type Channel } from "./referrer-hosts";

// Referrer + utm_* → the source and channel shown in the dashboard's Sources panel.
// Only the referrer's host survives: its path and query may identify the visitor.

export type { Channel } from "./referrer-hosts";

export type SourceInput = {
  referrer: string | null;
  /** Hostname of the page (or the site's domain, to also treat sibling subdomains as internal). */
  pageHostname: string;
  utmSource: string | null;
  utmMedium: string | null;
};

export type Source = { source: string; referrerHost: string | null; channel: Channel };

export const DIRECT = "Direct / None";

// utm_medium values in the wild (GA4's channel rules plus common spellings).
const MEDIUM_CHANNEL = new Map<string, Channel>();
for (const [channel, media] of [
  ["paid", "cpc ppc paid paidsearch paid_search paid-search paidsocial paid_social paid-social display cpm cpv banner ads retargeting"],
  ["email", "email e-mail e_mail mail newsletter"],
  ["social", "social social-media social_media social-network social_network sm"],
  ["search", "organic search"],
  ["referral", "referral link"],
] as const) {
  for (const medium of media.split(" ")) MEDIUM_CHANNEL.set(medium, channel);
}

export function classifySource(input: SourceInput): Source {
  const page = stripWww(input.pageHostname.toLowerCase());
  let referrerHost = hostOf(input.referrer);
  if (referrerHost !== null && isSameSite(referrerHost, page)) referrerHost = null;
  const fromHost = referrerHost === null ? null : lookupHost(referrerHost);

  const utmSource = nonEmpty(input.utmSource);
  const utmMedium = nonEmpty(input.utmMedium);
  const fromUtm = utmSource === null ? null : lookupUtmSource(utmSource);
  const mediumChannel = utmMedium === null ? undefined : MEDIUM_CHANNEL.get(utmMedium.toLowerCase());

  // An explicit campaign tag is the site owner's own statement and beats the referrer.
  const source = utmSource !== null ? (fromUtm?.name ?? utmSource) : (fromHost?.name ?? referrerHost ?? DIRECT);
  const channel: Channel =
    mediumChannel ??
    (utmSource !== null ? (fromUtm?.channel ?? "referral") : (fromHost?.channel ?? (referrerHost === null ? "direct" : "referral")));
  return { source, referrerHost, channel };
}

// Referrers are http(s) pages, or Android apps (android-app://com.google.android.gm).
// Other schemes (extensions, file:) say nothing about where a visitor came from.
function hostOf(referrer: string | null): string | null {
  if (referrer === null || referrer === "") return null;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:" && url.protocol !== "android-app:") return null;
  const host = stripWww(url.hostname.toLowerCase());
  return host === "" ? null : host;
}

// Same host or a subdomain of it (shop.example.com → example.com is internal). Not the
// other way round: alice.substack.com must still see visitors coming from substack.com.
function isSameSite(referrerHost: string, pageHost: string): boolean {
  return referrerHost === pageHost || referrerHost.endsWith(`.${pageHost}`);
}

function stripWww(host: string): string {
  return host.startsWith("www.") ? host.slice(4) : host;
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
