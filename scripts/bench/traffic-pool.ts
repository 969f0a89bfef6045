import { BOT_AGENTS, sampleAgent, type Agent } from "../seed/catalog/agents";
import { BROWSE_GROUPS, PAGES } from "../seed/catalog/pages";
import { sampleSource, type RawSource } from "../seed/catalog/sources";
import { Rng } from "../seed/random";

// The load generator's requests: tracker bodies as a browser would send them, from
// visitors who each have their own address (X-Forwarded-For) and user agent, arrive
// from a source (referrer, utm_* in the URL), view 1–8 pages and sometimes fire a custom
// event, then leave and make room for a new visitor. A few requests come from crawlers;
// those get 202 as well but must not be stored.

export type LoadRequest = { body: string; userAgent: string; ip: string; storable: boolean };

type Visitor = { ip: string; agent: Agent; source: RawSource; page: string | null; pagesLeft: number };

const ACTIVE_VISITORS = 5_000;
const BOT_SHARE = 0.01;
const CUSTOM_EVENT_SHARE = 0.05;
const PLANS = ["starter", "growth", "business"];

export class TrafficPool {
  private readonly rng: Rng;
  private readonly visitors: Visitor[];

  constructor(
    private readonly domain: string,
    seed = 7,
  ) {
    this.rng = new Rng(seed);
    this.visitors = Array.from({ length: ACTIVE_VISITORS }, () => this.newVisitor());
  }

  next(): LoadRequest {
    const rng = this.rng;
    if (rng.chance(BOT_SHARE)) {
      const body = this.body("pageview", this.pageUrl(this.randomPage(), null), null, 1280, null);
      return { body, userAgent: rng.pick(BOT_AGENTS), ip: randomPublicIp(rng), storable: false };
    }
    const slot = rng.int(ACTIVE_VISITORS);
    let v = this.visitors[slot] ?? this.newVisitor();
    if (v.pagesLeft === 0) {
      v = this.newVisitor();
      this.visitors[slot] = v;
    }
    let body: string;
    if (v.page === null) {
      v.page = this.randomPage();
      v.pagesLeft--;
      body = this.body("pageview", this.pageUrl(v.page, v.source), v.source.referrer, v.agent.width, null);
    } else if (rng.chance(CUSTOM_EVENT_SHARE)) {
      const signup = rng.chance(0.4);
      const props: Record<string, string> = signup ? { plan: rng.pick(PLANS) } : { url: "https://github.com/ministat/ministat" };
      body = this.body(signup ? "Signup" : "Outbound Link: Click", this.pageUrl(v.page, null), null, v.agent.width, props);
    } else {
      const previous = this.pageUrl(v.page, null);
      v.page = this.randomPage();
      v.pagesLeft--;
      body = this.body("pageview", this.pageUrl(v.page, null), previous, v.agent.width, null);
    }
    return { body, userAgent: v.agent.userAgent, ip: v.ip, storable: true };
  }

  private newVisitor(): Visitor {
    let pagesLeft = 1;
    while (pagesLeft < 8 && this.rng.chance(0.55)) pagesLeft++;
    return { ip: randomPublicIp(this.rng), agent: sampleAgent(this.rng), source: sampleSource(this.rng).raw, page: null, pagesLeft };
  }

  private randomPage(): string {
    return PAGES[BROWSE_GROUPS.sample(this.rng)].sample(this.rng);
  }

  private pageUrl(path: string, source: RawSource | null): string {
    const query = new URLSearchParams();
    if (source?.utmSource) query.set("utm_source", source.utmSource);
    if (source?.utmMedium) query.set("utm_medium", source.utmMedium);
    if (source?.utmCampaign) query.set("utm_campaign", source.utmCampaign);
    const q = query.toString();
    return `https://${this.domain}${path}${q ? `?${q}` : ""}`;
  }

  private body(name: string, url: string, referrer: string | null, width: number, props: Record<string, string> | null): string {
    return JSON.stringify({ n: name, u: url, d: this.domain, r: referrer, w: width, ...(props ? { p: props } : {}) });
  }
}

// Unicast, publicly routed-looking IPv4 addresses (no private, loopback, multicast or
// documentation ranges), so the geo lookup does real work.
const RESERVED_FIRST_OCTETS = new Set([0, 10, 100, 127, 169, 172, 192, 198, 203]);

function randomPublicIp(rng: Rng): string {
  let a = 0;
  while (a === 0 || RESERVED_FIRST_OCTETS.has(a)) a = 1 + rng.int(223);
  return `${a}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}
