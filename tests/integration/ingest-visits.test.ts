import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Client IP = the last X-Forwarded-For entry (one trusted proxy), as behind our load balancer.
// Set before anything reads the environment.
process.env.TRUSTED_PROXY_HOPS = "1";

import type { StoredVisit } from "@/lib/analytics/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { resetClock, setClock } from "@/lib/analytics/ingest/clock";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { rotateSalts } from "@/lib/analytics/ingest/salts";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { getTimeseries } from "@/lib/analytics/query";
import { getPool } from "@/lib/db/pool";
import { propsOf, readStored, type StoredSite } from "@/tests/support/stored-rows";

// What a stored event and its visit look like: enrichment, visit counters, the 30-minute
// split, daily salts, the days marked for the pre-aggregates, and that neither IP nor user
// agent is kept — read back through the analytics store, whichever engine it is. The same
// privacy check over every column of the Postgres tables is in ingest-privacy-postgres.test.ts.

const CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const BERLIN_IP = "130.149.0.1"; // TU Berlin: DE / State of Berlin / Berlin in the shipped database
const PARIS_IP = "62.210.16.6";
const MINUTE = 60_000;

let ingest: IngestionServer;
let userId: string;
const sitesOfThisFile: string[] = [];

function send(body: object, ua: string, forwardedFor: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "text/plain", "user-agent": ua, "x-forwarded-for": forwardedFor };
    const req = http.request(ingest.url, { method: "POST", headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

async function createSite(timezone = "Etc/UTC"): Promise<{ siteId: string; domain: string }> {
  const siteId = `site-${randomUUID()}`;
  const domain = `visits-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO sites (id, user_id, domain, timezone) VALUES ($1, $2, $3, $4)", [siteId, userId, domain, timezone]);
  sitesOfThisFile.push(siteId);
  return { siteId, domain };
}

/** The site's rows once everything accepted is written. */
async function stored(siteId: string): Promise<StoredSite> {
  await drainIngestion();
  return readStored(siteId);
}

async function visitsOf(siteId: string): Promise<StoredVisit[]> {
  return (await stored(siteId)).visits;
}

/** A clock the test moves by hand, starting at `start`. */
function manualClock(start: string): { advance: (ms: number) => void; set: (iso: string) => void } {
  let t = Date.parse(start);
  setClock(() => t);
  return { advance: (ms) => (t += ms), set: (iso) => (t = Date.parse(iso)) };
}

beforeAll(async () => {
  userId = `user-${randomUUID()}`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
  ingest = await startIngestionServer();
});

afterEach(() => resetClock());

afterAll(async () => {
  await drainIngestion();
  await ingest.close();
});

describe("a stored pageview", () => {
  it("has its event row and a visit with source, channel, browser, device and location", async () => {
    const { siteId, domain } = await createSite();
    const page = `https://${domain}/pricing/?utm_campaign=spring&email=a@b.example#top`;
    // The client wrote a fake address first; only the entry our proxy appended counts.
    const status = await send({ n: "pageview", u: page, d: domain, r: "https://www.google.de/search?q=ministat", w: 1440 }, CHROME_WIN, `10.9.9.9, ${BERLIN_IP}`);
    expect(status).toBe(202);

    const { visits: [visit, ...more], events } = await stored(siteId);
    expect(more).toEqual([]);
    expect(visit).toMatchObject({
      entryPage: "/pricing", exitPage: "/pricing", pageviews: 1, events: 0,
      source: "Google", referrerHost: "google.de", channel: "search", utmCampaign: "spring", utmSource: null,
      browser: "Chrome", os: "Windows", device: "desktop", country: "DE", region: "State of Berlin", city: "Berlin",
    });
    expect(events).toEqual([{ name: "pageview", pathname: "/pricing", props: null, visitorId: visit!.visitorId, visitId: visit!.visitId, ts: visit!.startedAt }]);
    expect(BigInt(visit!.visitorId)).toBeGreaterThan(0n);
  });

  it("classifies a mobile visitor and keeps custom props as JSON", async () => {
    const { siteId, domain } = await createSite();
    await send({ n: "Signup", u: `https://${domain}/join`, d: domain, p: { plan: "pro", seats: 3 } }, SAFARI_IPHONE, PARIS_IP);
    const { visits: [visit], events } = await stored(siteId);
    expect(visit).toMatchObject({ browser: "Safari", os: "iOS", device: "mobile", country: "FR", source: "Direct / None", channel: "direct", pageviews: 0, events: 1 });
    expect(events.map(propsOf)).toEqual([{ plan: "pro", seats: "3" }]);
  });
  it("keeps names and props with quotes, backslashes, braces and the text NULL exactly", async () => {
    const { siteId, domain } = await createSite();
    const name = 'Clicked "Buy" \\ {now}, NULL';
    const props = { label: 'a "quoted" \\ value', empty: "", literal: "NULL", set: "{1,2}", emoji: "😀 ünïcode" };
    await send({ n: name, u: `https://${domain}/`, d: domain, p: props }, CHROME_WIN, PARIS_IP);
    const { events } = await stored(siteId);
    expect(events.map((event) => ({ name: event.name, props: propsOf(event) }))).toEqual([{ name, props }]);
  });
});

describe("visits", () => {
  it("count pageviews and custom events, with entry and exit pages", async () => {
    const clock = manualClock("2031-03-10T09:00:00Z");
    const { siteId, domain } = await createSite();
    const ip = "198.51.100.20";
    await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, ip);
    clock.advance(MINUTE);
    await send({ n: "Signup", u: `https://${domain}/`, d: domain }, CHROME_WIN, ip);
    clock.advance(MINUTE);
    await send({ n: "pageview", u: `https://${domain}/docs`, d: domain }, CHROME_WIN, ip);
    clock.advance(MINUTE);
    await send({ n: "Download", u: `https://${domain}/docs`, d: domain }, CHROME_WIN, ip);
    const { visits, events } = await stored(siteId);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ entryPage: "/", exitPage: "/docs", pageviews: 2, events: 2 });
    expect(visits[0]!.endedAt - visits[0]!.startedAt).toBe(3 * MINUTE);
    expect([...new Set(events.map((event) => event.visitId))]).toEqual([visits[0]!.visitId]);
  });

  it("keep counting when the visit was already written by an earlier flush", async () => {
    const clock = manualClock("2031-03-10T10:00:00Z");
    const { siteId, domain } = await createSite();
    const ip = "198.51.100.21";
    await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, ip);
    expect(await visitsOf(siteId)).toMatchObject([{ entryPage: "/", exitPage: "/", pageviews: 1, events: 0 }]);
    clock.advance(MINUTE);
    await send({ n: "pageview", u: `https://${domain}/pricing`, d: domain }, CHROME_WIN, ip);
    await send({ n: "Signup", u: `https://${domain}/pricing`, d: domain }, CHROME_WIN, ip);
    const visits = await visitsOf(siteId);
    expect(visits).toMatchObject([{ entryPage: "/", exitPage: "/pricing", pageviews: 2, events: 1, browser: "Chrome", country: null }]);
    expect(visits[0]!.endedAt - visits[0]!.startedAt).toBe(MINUTE);
  });

  it("split after more than 30 idle minutes, not at 30", async () => {
    const clock = manualClock("2031-03-11T08:00:00Z");
    const { siteId, domain } = await createSite();
    const ip = "198.51.100.21";
    const view = (path: string) => send({ n: "pageview", u: `https://${domain}${path}`, d: domain }, CHROME_WIN, ip);
    await view("/a");
    clock.advance(30 * MINUTE); // exactly 30 minutes idle: same visit
    await view("/b");
    clock.advance(30 * MINUTE + 1); // one millisecond more: a new visit
    await view("/c");
    const visits = await visitsOf(siteId);
    expect(visits.map((v) => [v.entryPage, v.exitPage, v.pageviews])).toEqual([["/a", "/b", 2], ["/c", "/c", 1]]);
    expect(visits[0]!.visitorId).toBe(visits[1]!.visitorId);
    expect(visits[0]!.visitId).not.toBe(visits[1]!.visitId);
  });

  it("are marked for the pre-aggregates as (site, time zone, UTC day): the next refresh counts them on the site's local day", async () => {
    manualClock("2031-03-12T23:30:00Z"); // 19:30 in New York
    const timezone = "America/New_York";
    const { siteId, domain } = await createSite(timezone);
    await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, "198.51.100.22");
    await drainIngestion();
    const refreshed = await (await getAnalyticsStore()).refreshAggregates(new Date());
    expect(refreshed.siteIds).toContain(siteId);
    // Day points of the graph come from the pre-aggregated days (Postgres: daily_stats).
    const range = { period: "custom", from: "2031-03-11", to: "2031-03-13", interval: "day" } as const;
    const points = await getTimeseries({ site: { id: siteId, timezone }, range, filters: {} });
    expect(points.map(({ bucket, pageviews }) => ({ bucket, pageviews }))).toEqual([
      { bucket: "2031-03-11", pageviews: 0 },
      { bucket: "2031-03-12", pageviews: 1 },
      { bucket: "2031-03-13", pageviews: 0 },
    ]);
  });
});

describe("daily salts", () => {
  it("give the same visitor a different id on each UTC day; rotateSalts keeps only today and yesterday", async () => {
    const clock = manualClock("2031-04-01T12:00:00Z");
    const { siteId, domain } = await createSite();
    const ip = "198.51.100.23";
    for (const day of ["2031-04-01", "2031-04-02", "2031-04-03"]) {
      clock.set(`${day}T12:00:00Z`);
      await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, ip);
    }
    const visitors = (await visitsOf(siteId)).map((visit) => visit.visitorId);
    expect(new Set(visitors).size).toBe(3);

    const daysLeft = async () =>
      (await getPool().query<{ day: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM salts WHERE site_id = $1 ORDER BY day", [siteId])).rows.map((r) => r.day);
    expect(await daysLeft()).toEqual(["2031-04-01", "2031-04-02", "2031-04-03"]);
    expect(await rotateSalts(new Date("2031-04-03T00:05:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await daysLeft()).toEqual(["2031-04-02", "2031-04-03"]);
  });
});

describe("privacy", () => {
  it("stores neither the IP address nor the user agent in any field of events and visits, nor in salts", async () => {
    const { siteId, domain } = await createSite();
    const ua = `${CHROME_WIN} Marker/${randomUUID()}`;
    const ip = "2a00:1450:4001:80e::200e";
    await send({ n: "pageview", u: `https://${domain}/?utm_source=mail`, d: domain, r: "https://news.ycombinator.com/item?id=1" }, ua, ip);
    await send({ n: "Signup", u: `https://${domain}/`, d: domain, p: { plan: "pro" } }, ua, ip);
    expect(await visitsOf(siteId)).toHaveLength(1);
    // Every event and visit this file stored, every field as text (props included).
    const rows = await Promise.all(sitesOfThisFile.map((id) => readStored(id)));
    expect(rows.flatMap((site) => site.events).length).toBeGreaterThanOrEqual(2);
    for (const [kind, list] of [["events", rows.flatMap((site) => site.events)], ["visits", rows.flatMap((site) => site.visits)]] as const) {
      const text = JSON.stringify(list).toLowerCase();
      for (const needle of [ip, ua, "Marker/", BERLIN_IP, PARIS_IP, "10.9.9.9"]) expect(text.includes(needle.toLowerCase()), `${kind} contain ${needle}`).toBe(false);
    }
    // Salts live in Postgres whatever the analytics engine: the whole row as text.
    for (const needle of [ip, ua, "Marker/", BERLIN_IP, PARIS_IP, "10.9.9.9"]) {
      const { rows: found } = await getPool().query("SELECT count(*)::int AS n FROM salts t WHERE t::text ILIKE '%' || $1 || '%'", [needle]);
      expect(found[0], `salts contain ${needle}`).toEqual({ n: 0 });
    }
  });
});
