import { sampleAgent } from "./catalog/agents";
import { samplePlace } from "./catalog/geo";
import { BLOG_POSTS } from "./catalog/pages";
import { HACKER_NEWS, sampleSource } from "./catalog/sources";
import { Rng } from "./random";
import { planDays, type DayPlan } from "./rhythm";
import { VisitFactory, type Visit, type Visitor } from "./visit";

// The month of traffic as a stream of visits, day by day and in time order within a day.
// Visitor ids live for one UTC day (the daily salt): a returning visitor keeps their id,
// device and location within the day, and gets a new id the next day, as with real data.

export type TrafficOptions = {
  domain: string;
  timezone: string;
  /** Length of the period in days, ending today (local): today only up to `now`. */
  days: number;
  /** Pageviews to generate in all (reached within a fraction of a percent). */
  pageviews: number;
  now?: number;
  seed?: number;
};

const RETURNING_SHARE = 0.2; // of a day's visits, by someone who already visited that day
const VISIT_TIMEOUT_MS = 30 * 60_000;
const RECENT_VISITORS = 4_096;
const SPIKE_EXTRA_SHARE = 0.6 / 1.6; // the part of a spike day's visits that the spike added

/** Calls `onVisit` for every visit; awaits it only when it returns a promise (backpressure). */
export async function generateTraffic(options: TrafficOptions, onVisit: (visit: Visit) => Promise<void> | undefined): Promise<void> {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now();
  const factory = new VisitFactory(options.domain);
  const rng = new Rng(seed);
  const days = planDays({ timezone: options.timezone, days: options.days, now, seed });
  const totalVisits = options.pageviews / meanPageviews(factory, seed);
  // A post outside the usual top few that made the Hacker News front page on the spike day.
  const featured = rng.pick(BLOG_POSTS.slice(5, 40));
  let visitId = rng.id() % 2 ** 40; // room for billions of visits below 2^53
  let carry = 0;
  for (const day of days) {
    const exact = totalVisits * day.share + carry;
    const count = Math.round(exact);
    carry = exact - count;
    for (const visit of dayOfVisits(rng, factory, day, count, featured, () => ++visitId)) {
      // Visits of the last minutes would run into the future: leave them out.
      if (visit.endedAt > now) continue;
      const wait = onVisit(visit);
      if (wait) await wait;
    }
  }
}

function* dayOfVisits(rng: Rng, factory: VisitFactory, day: DayPlan, count: number, featured: string, nextId: () => number): Generator<Visit> {
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) starts[i] = day.sampleStart(rng);
  starts.sort();
  // Recent visits of the day, to pick returning visitors from.
  const recent: Array<{ visitor: Visitor; endedAt: number; utcDay: number }> = [];
  for (const start of starts) {
    const utcDay = Math.floor(start / 86_400_000);
    const previous = recent.length > 0 && rng.chance(RETURNING_SHARE) ? rng.pick(recent) : undefined;
    const returning = previous && previous.utcDay === utcDay && previous.endedAt + VISIT_TIMEOUT_MS < start ? previous.visitor : undefined;
    const visitor = returning ?? { visitorId: rng.id(), place: samplePlace(rng), agent: sampleAgent(rng) };
    const visit =
      day.spike && rng.chance(SPIKE_EXTRA_SHARE)
        ? factory.create(rng, nextId(), visitor, start, "social", HACKER_NEWS, rng.chance(0.8) ? featured : undefined)
        : createFromSource(rng, factory, nextId(), visitor, start);
    const entry = { visitor, endedAt: visit.endedAt, utcDay };
    if (recent.length < RECENT_VISITORS) recent.push(entry);
    else recent[rng.int(RECENT_VISITORS)] = entry;
    yield visit;
  }
}

function createFromSource(rng: Rng, factory: VisitFactory, visitId: number, visitor: Visitor, start: number): Visit {
  const { landing, raw } = sampleSource(rng);
  return factory.create(rng, visitId, visitor, start, landing, raw);
}

// Pageviews per visit of this model, measured on a sample, to turn a pageview target
// into a number of visits.
function meanPageviews(factory: VisitFactory, seed: number): number {
  const rng = new Rng(seed ^ 0x9a9e);
  const sample = 50_000;
  let pageviews = 0;
  for (let i = 0; i < sample; i++) {
    const visitor: Visitor = { visitorId: 1, place: samplePlace(rng), agent: sampleAgent(rng) };
    pageviews += createFromSource(rng, factory, i, visitor, 0).pageviews;
  }
  return pageviews / sample;
}
