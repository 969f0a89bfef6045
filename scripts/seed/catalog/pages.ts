import { Rng } from "../random";
import { Weighted, zipf } from "../weighted";

// The site's pages: a SaaS marketing site with a blog and docs, a few thousand paths in
// all. Popularity inside each group is Zipf-shaped (a handful of posts get most reads,
// thousands get a few), which is what makes the Pages panel's "Details" list long-tailed.

export type PageGroup = "home" | "pricing" | "product" | "blog" | "docs" | "compare" | "integrations" | "company" | "login" | "changelog";

const FEATURES = ["realtime", "goals", "funnels", "stats-api", "email-reports", "shared-links", "csv-export", "cookie-less", "eu-hosting", "team-access", "custom-events", "utm-campaigns"];
const COMPETITORS = ["google-analytics", "plausible", "umami", "fathom", "matomo", "simple-analytics", "cloudflare-web-analytics", "pirsch"];
const INTEGRATIONS = [
  "wordpress", "nextjs", "shopify", "webflow", "ghost", "hugo", "gatsby", "astro", "nuxt", "remix", "sveltekit", "docusaurus", "wix",
  "squarespace", "framer", "carrd", "notion", "jekyll", "eleventy", "django", "rails", "laravel", "drupal", "vercel", "netlify",
  "cloudflare-pages", "google-tag-manager", "react", "vue", "angular",
];
const DOC_SECTIONS: Record<string, string[]> = {
  "getting-started": ["install-the-script", "add-your-site", "verify-installation", "invite-your-team", "import-data", "first-steps", "faq"],
  tracker: ["script-attributes", "spa-navigation", "custom-events", "custom-properties", "outbound-links", "file-downloads", "self-proxy", "exclude-yourself", "hash-routing", "content-security-policy", "ad-blockers", "script-size"],
  dashboard: ["top-stats", "filters", "periods", "comparisons", "realtime", "details-view", "csv-export", "shared-links", "time-zones", "bounce-rate", "visit-duration", "unique-visitors"],
  goals: ["event-goals", "page-goals", "conversion-rate", "revenue", "funnels"],
  api: ["authentication", "aggregate", "timeseries", "breakdown", "filters", "periods", "rate-limits", "errors", "examples", "pagination"],
  privacy: ["no-cookies", "gdpr", "ccpa", "pecr", "data-processing-agreement", "data-retention", "visitor-hashing", "eu-hosting", "subprocessors"],
  billing: ["plans", "trial", "upgrades", "invoices", "vat", "cancel", "pageview-limits"],
  integrations: INTEGRATIONS,
  troubleshooting: ["no-data", "wrong-counts", "missing-referrers", "localhost", "duplicate-pageviews", "proxy-setup", "blocked-script", "time-zone-mismatch"],
};

function docPaths(): string[] {
  const paths: string[] = [];
  for (const [section, topics] of Object.entries(DOC_SECTIONS)) {
    paths.push(`/docs/${section}`);
    for (const topic of topics) paths.push(`/docs/${section}/${topic}`);
  }
  return paths;
}

// Blog slugs from templates and word lists: enough distinct, plausible posts for a long tail.
const SUBJECTS = ["google-analytics", "cookie-banners", "web-analytics", "gdpr", "page-speed", "seo", "landing-pages", "newsletters", "open-source", "side-projects", "saas-pricing", "bounce-rate", "utm-tags", "conversion-rates", "ad-blockers", "server-side-tracking", "core-web-vitals", "content-marketing", "product-launches", "indie-hacking", "privacy-laws", "first-party-data", "dark-patterns", "static-sites", "email-marketing", "referral-traffic", "search-console", "a-b-testing", "growth-metrics", "churn", "onboarding", "changelogs", "documentation", "hacker-news-launches", "eu-data-transfers", "analytics-dashboards", "session-replay", "consent-mode", "fingerprinting", "self-hosting"];
const TEMPLATES: Array<(s: string, n: number) => string> = [
  (s) => `why-we-stopped-using-${s}`,
  (s) => `a-guide-to-${s}`,
  (s, n) => `${n + 3}-things-we-learned-about-${s}`,
  (s) => `${s}-explained`,
  (s) => `${s}-without-cookies`,
  (s, n) => `${s}-in-${2019 + (n % 8)}`,
  (s) => `how-to-measure-${s}`,
  (s) => `${s}-checklist`,
  (s) => `the-hidden-cost-of-${s}`,
  (s) => `what-nobody-tells-you-about-${s}`,
  (s) => `${s}-for-small-teams`,
  (s) => `${s}-mistakes`,
  (s, n) => `${s}-case-study-${n + 1}`,
  (s) => `is-${s}-worth-it`,
  (s) => `${s}-vs-the-alternatives`,
  (s, n) => `${s}-notes-part-${(n % 6) + 1}`,
];

function blogPaths(count: number): string[] {
  const rng = new Rng(20_260_101); // fixed: the same site every run
  const slugs = new Set<string>();
  for (let guard = 0; slugs.size < count && guard < count * 50; guard++) {
    slugs.add(rng.pick(TEMPLATES)(rng.pick(SUBJECTS), rng.int(40)));
  }
  return [...slugs].map((slug) => `/blog/${slug}`);
}

/** Blog posts, most read first. */
export const BLOG_POSTS = blogPaths(2_400);
const DOCS = docPaths();

/** Paths by group, most visited first within each group. */
export const PAGES: Record<PageGroup, Weighted<string>> = {
  home: new Weighted([["/", 1]]),
  pricing: new Weighted([["/pricing", 1]]),
  product: new Weighted(zipf(["/features", ...FEATURES.map((f) => `/features/${f}`)], 1.1)),
  blog: new Weighted(zipf(["/blog", ...BLOG_POSTS], 1.05)),
  docs: new Weighted(zipf(["/docs", ...DOCS], 0.9)),
  compare: new Weighted(zipf(COMPETITORS.map((c) => `/compare/${c}`), 1.2)),
  integrations: new Weighted(zipf(["/integrations", ...INTEGRATIONS.map((i) => `/integrations/${i}`)], 1.0)),
  company: new Weighted(zipf(["/about", "/contact", "/privacy", "/terms", "/security", "/customers", "/careers", "/status", "/imprint", "/dpa"], 1.0)),
  login: new Weighted([["/login", 1]]),
  changelog: new Weighted(zipf(["/changelog", ...Array.from({ length: 40 }, (_, i) => `/changelog/${2026 - Math.floor(i / 12)}-${String(12 - (i % 12)).padStart(2, "0")}`)], 1.3)),
};

/** The conversion funnel: a converting visit ends pricing → signup (Signup event) → thank-you. */
export const FUNNEL = { pricing: "/pricing", signup: "/signup", thankYou: "/thank-you" } as const;

/** Where visitors go after the first page, whatever brought them. */
export const BROWSE_GROUPS = new Weighted<PageGroup>([
  ["home", 16],
  ["pricing", 12],
  ["product", 9],
  ["blog", 30],
  ["docs", 17],
  ["compare", 3],
  ["integrations", 4],
  ["company", 4],
  ["changelog", 3],
  ["login", 2],
]);
