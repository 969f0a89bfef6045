import { Rng } from "../random";
import { Weighted, zipf } from "../weighted";

// Where visits come from, as the tracker would report it: the raw referrer URL and the
// page URL's utm_* parameters. The stored source and channel are derived from these by
// the ingestion code itself (classifySource), so the seed can never drift from its naming.

export type Landing = "direct" | "search" | "social" | "email" | "paid" | "referral";

export type RawSource = {
  referrer: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
};

type Spec = { weight: number; landing: Landing; make: (rng: Rng) => RawSource };

const NONE: RawSource = { referrer: null, utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null };
const ref = (...urls: string[]) => (rng: Rng): RawSource => ({ ...NONE, referrer: rng.pick(urls) });
const utm = (source: string, medium: string, campaigns: string[], extra: Partial<RawSource> = {}) =>
  (rng: Rng): RawSource => ({ ...NONE, utmSource: source, utmMedium: medium, utmCampaign: rng.pick(campaigns), ...extra });

const GOOGLE = new Weighted(
  (
    [
      ["com", 50], ["de", 15], ["co.uk", 8], ["fr", 6], ["nl", 4], ["pl", 3], ["es", 3], ["it", 3], ["se", 2], ["lt", 2], ["at", 2], ["ch", 2],
    ] as const
  ).map(([tld, w]) => [`https://www.google.${tld}/`, w] as const),
);

const NEWSLETTER_ISSUES = Array.from({ length: 8 }, (_, i) => `weekly-${40 + i}`);

// Sites that link to the product: a few well-known ones, then a tail of small blogs.
const WELL_KNOWN_REFERRERS = [
  "https://dev.to/", "https://medium.com/", "https://stackoverflow.com/", "https://en.wikipedia.org/", "https://www.producthunt.com/",
  "https://www.indiehackers.com/", "https://alternativeto.net/", "https://www.privacyguides.org/", "https://news.google.com/",
  "https://tldr.tech/", "https://changelog.com/", "https://css-tricks.com/", "https://www.smashingmagazine.com/", "https://app.daily.dev/",
  "https://hashnode.com/", "https://substack.com/", "https://www.heise.de/", "https://t3n.de/", "https://www.golem.de/", "https://korben.info/",
];
const BLOG_WORDS = ["byte", "pixel", "indie", "craft", "stack", "notes", "garden", "signal", "north", "field", "paper", "lab", "code", "quiet", "small", "open"];
const TLDS = ["dev", "io", "com", "net", "de", "fr", "nl", "eu", "blog", "me"];

function tailReferrers(count: number): string[] {
  const rng = new Rng(4_242); // fixed: the same referring sites every run
  const hosts = new Set<string>();
  while (hosts.size < count) hosts.add(`https://${rng.pick(BLOG_WORDS)}${rng.pick(BLOG_WORDS)}.${rng.pick(TLDS)}/`);
  return [...WELL_KNOWN_REFERRERS, ...hosts];
}

const TAIL = new Weighted(zipf(tailReferrers(300), 1.1));

const SPECS: Spec[] = [
  { weight: 40, landing: "direct", make: () => NONE },
  // Search engines (organic).
  { weight: 24, landing: "search", make: (rng) => ({ ...NONE, referrer: GOOGLE.sample(rng) }) },
  { weight: 3, landing: "search", make: ref("https://www.bing.com/") },
  { weight: 3, landing: "search", make: ref("https://duckduckgo.com/") },
  { weight: 1, landing: "search", make: ref("https://www.ecosia.org/") },
  { weight: 0.5, landing: "search", make: ref("https://www.qwant.com/") },
  { weight: 0.5, landing: "search", make: ref("https://search.brave.com/") },
  { weight: 0.3, landing: "search", make: ref("https://www.startpage.com/") },
  { weight: 0.2, landing: "search", make: ref("https://kagi.com/") },
  // Social networks and communities.
  { weight: 2, landing: "social", make: ref("https://t.co/", "https://x.com/") },
  { weight: 2, landing: "social", make: ref("https://www.linkedin.com/", "https://lnkd.in/") },
  { weight: 2, landing: "social", make: ref("https://www.reddit.com/", "https://old.reddit.com/") },
  { weight: 2, landing: "social", make: ref("https://news.ycombinator.com/") },
  { weight: 0.8, landing: "social", make: ref("https://www.facebook.com/", "https://l.facebook.com/") },
  { weight: 0.7, landing: "social", make: ref("https://mastodon.social/", "https://fosstodon.org/", "https://hachyderm.io/") },
  { weight: 0.5, landing: "social", make: ref("https://bsky.app/") },
  { weight: 0.3, landing: "social", make: ref("https://www.youtube.com/") },
  { weight: 0.3, landing: "social", make: ref("https://lobste.rs/") },
  // E-mail: the newsletter (tagged) and untagged clicks from webmail.
  { weight: 4, landing: "email", make: utm("newsletter", "email", NEWSLETTER_ISSUES) },
  { weight: 0.5, landing: "email", make: ref("https://mail.google.com/", "https://outlook.live.com/") },
  // A few paid campaigns.
  { weight: 1.6, landing: "paid", make: utm("google", "cpc", ["brand", "privacy-analytics", "ga-alternative"], { referrer: "https://www.google.com/", utmTerm: "cookieless analytics" }) },
  { weight: 0.8, landing: "paid", make: utm("linkedin", "cpc", ["eu-saas-founders"], { referrer: "https://www.linkedin.com/", utmContent: "carousel" }) },
  { weight: 0.6, landing: "paid", make: utm("reddit", "cpc", ["selfhosted-launch"], { referrer: "https://www.reddit.com/" }) },
  { weight: 0.3, landing: "paid", make: ref("https://www.googleadservices.com/") },
  // Links from other sites (and answers from AI assistants).
  { weight: 2, landing: "referral", make: ref("https://github.com/") },
  { weight: 1, landing: "referral", make: ref("https://chatgpt.com/") },
  { weight: 0.4, landing: "referral", make: ref("https://www.perplexity.ai/") },
  { weight: 5, landing: "referral", make: (rng) => ({ ...NONE, referrer: TAIL.sample(rng) }) },
];

const PICKER = new Weighted(SPECS.map((spec) => [spec, spec.weight] as const));

export function sampleSource(rng: Rng): { landing: Landing; raw: RawSource } {
  const spec = PICKER.sample(rng);
  return { landing: spec.landing, raw: spec.make(rng) };
}

/** A Hacker News front-page day: the extra visits of a spike all come from there. */
export const HACKER_NEWS: RawSource = { ...NONE, referrer: "https://news.ycombinator.com/" };
