import { classifySource } from "@/lib/analytics/enrich/referrer";
import type { Agent } from "./catalog/agents";
import type { Place } from "./catalog/geo";
import { BROWSE_GROUPS, FUNNEL, PAGES, type PageGroup } from "./catalog/pages";
import type { Landing, RawSource } from "./catalog/sources";
import type { Rng } from "./random";
import { Weighted } from "./weighted";

// One visit (session): its pages, timing, custom events and the row the visits table
// holds — shaped like what the ingestion pipeline writes for the same clicks. How a visit
// goes depends on how it arrived: searchers land on a post and mostly leave, direct
// visitors start at the home page and look around, paid and newsletter clicks convert more.

export type Visitor = { visitorId: number; place: Place; agent: Agent };

export type EventRow = { ts: number; name: string; pathname: string; props: string | null };

export type Visit = {
  visitId: number;
  visitor: Visitor;
  startedAt: number;
  endedAt: number;
  entryPage: string;
  exitPage: string;
  pageviews: number;
  customEvents: number;
  source: string;
  referrerHost: string | null;
  channel: string;
  raw: RawSource;
  events: EventRow[];
};

type Behaviour = { entry: Weighted<PageGroup>; bounce: number; convert: number };
const behaviour = (entry: Array<[PageGroup, number]>, bounce: number, convert: number): Behaviour => ({ entry: new Weighted(entry), bounce, convert });

// bounce: share of single-page visits; convert: share ending in a signup. Together with
// the source mix these give ≈50% bounce rate and ≈3% signups overall.
const BEHAVIOUR: Record<Landing, Behaviour> = {
  direct: behaviour([["home", 45], ["login", 9], ["pricing", 8], ["docs", 12], ["blog", 14], ["product", 4], ["changelog", 3], ["company", 5]], 0.38, 0.035),
  search: behaviour([["blog", 58], ["docs", 20], ["home", 8], ["compare", 7], ["integrations", 5], ["pricing", 2]], 0.62, 0.018),
  social: behaviour([["blog", 72], ["home", 18], ["product", 5], ["docs", 5]], 0.68, 0.012),
  email: behaviour([["blog", 45], ["changelog", 35], ["home", 10], ["product", 10]], 0.45, 0.05),
  paid: behaviour([["pricing", 35], ["home", 25], ["product", 20], ["compare", 20]], 0.55, 0.06),
  referral: behaviour([["blog", 40], ["home", 30], ["docs", 15], ["integrations", 10], ["compare", 5]], 0.5, 0.03),
};

const MAX_PAGEVIEWS = 8;
const MORE_PAGES = 0.62; // chance of one more page after the second, so 2…8 pages fall off geometrically
const THANK_YOU_SHARE = 0.92; // some leave before the thank-you page loads
const OUTBOUND_SHARE = 0.035;
const DOWNLOAD_SHARE = 0.01;
const PLANS = new Weighted([["starter", 60], ["growth", 30], ["business", 10]] as const);
const OUTBOUND = ["https://github.com/ministat/ministat", "https://x.com/ministat", "https://www.linkedin.com/company/ministat", "https://status.ministat.eu/"];
const DOWNLOADS = ["/downloads/ministat-dpa.pdf", "/downloads/security-whitepaper.pdf", "/downloads/brand-assets.zip"];

export class VisitFactory {
  private readonly sources = new Map<string, ReturnType<typeof classifySource>>();

  constructor(private readonly domain: string) {}

  create(rng: Rng, visitId: number, visitor: Visitor, startedAt: number, landing: Landing, raw: RawSource, entryOverride?: string): Visit {
    const b = BEHAVIOUR[landing];
    const entry = entryOverride ?? PAGES[b.entry.sample(rng)].sample(rng);
    const converts = rng.chance(b.convert);
    const paths = converts ? convertingPath(rng, entry) : browsingPath(rng, entry, rng.chance(b.bounce) ? 1 : pagesAfterBounce(rng));

    const events: EventRow[] = [];
    let t = startedAt;
    paths.forEach((pathname, i) => {
      if (i > 0) t += pageGap(rng);
      events.push({ ts: t, name: "pageview", pathname, props: null });
      if (converts && pathname === FUNNEL.signup) {
        t += 5_000 + rng.int(90_000);
        events.push({ ts: t, name: "Signup", pathname, props: JSON.stringify({ plan: PLANS.sample(rng) }) });
      }
    });
    const exitPage = paths[paths.length - 1] ?? entry;
    if (rng.chance(OUTBOUND_SHARE)) {
      t += 3_000 + rng.int(60_000);
      events.push({ ts: t, name: "Outbound Link: Click", pathname: exitPage, props: JSON.stringify({ url: rng.pick(OUTBOUND) }) });
    } else if (rng.chance(DOWNLOAD_SHARE)) {
      t += 3_000 + rng.int(60_000);
      events.push({ ts: t, name: "File Download", pathname: exitPage, props: JSON.stringify({ url: `https://${this.domain}${rng.pick(DOWNLOADS)}` }) });
    }

    const source = this.classify(raw);
    return {
      visitId,
      visitor,
      startedAt,
      endedAt: t,
      entryPage: entry,
      exitPage,
      pageviews: paths.length,
      customEvents: events.length - paths.length,
      source: source.source,
      referrerHost: source.referrerHost,
      channel: source.channel,
      raw,
      events,
    };
  }

  // A few dozen distinct referrer/utm combinations: classify each once.
  private classify(raw: RawSource): ReturnType<typeof classifySource> {
    const key = `${raw.referrer}|${raw.utmSource}|${raw.utmMedium}`;
    let found = this.sources.get(key);
    if (!found) {
      found = classifySource({ referrer: raw.referrer, pageHostname: this.domain, utmSource: raw.utmSource, utmMedium: raw.utmMedium });
      this.sources.set(key, found);
    }
    return found;
  }
}

function pagesAfterBounce(rng: Rng): number {
  let n = 2;
  while (n < MAX_PAGEVIEWS && rng.chance(MORE_PAGES)) n++;
  return n;
}

function browsingPath(rng: Rng, entry: string, count: number): string[] {
  const paths = [entry];
  while (paths.length < count) paths.push(nextPage(rng, paths[paths.length - 1] ?? entry));
  return paths;
}

// entry → up to two pages of browsing → pricing → signup (Signup event) → thank-you.
function convertingPath(rng: Rng, entry: string): string[] {
  const paths = browsingPath(rng, entry, 1 + rng.int(3));
  if (paths[paths.length - 1] !== FUNNEL.pricing) paths.push(FUNNEL.pricing);
  paths.push(FUNNEL.signup);
  if (rng.chance(THANK_YOU_SHARE)) paths.push(FUNNEL.thankYou);
  return paths;
}

function nextPage(rng: Rng, current: string): string {
  const page = PAGES[BROWSE_GROUPS.sample(rng)].sample(rng);
  return page === current ? PAGES[BROWSE_GROUPS.sample(rng)].sample(rng) : page;
}

// Time on a page: median ~35 s with a long tail, kept under the 30-minute visit timeout.
function pageGap(rng: Rng): number {
  return Math.round(Math.min(900, Math.max(3, rng.logNormal(35, 0.9))) * 1000);
}
