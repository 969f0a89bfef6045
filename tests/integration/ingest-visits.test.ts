import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Client IP = the last X-Forwarded-For entry (one trusted proxy), as behind our load balancer.
// Set before anything reads the environment.
process.env.TRUSTED_PROXY_HOPS = "1";

import { resetClock, setClock } from "@/lib/analytics/ingest/clock";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { rotateSalts } from "@/lib/analytics/ingest/salts";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { refreshDirtyRollups } from "@/lib/analytics/rollups";
import { getPool } from "@/lib/db/pool";

// What a stored event and its visit look like: enrichment, visit counters, the 30-minute
// split, daily salts, the days marked for the rollups, and that neither IP nor user agent is kept.

const CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const BERLIN_IP = "130.149.0.1"; // TU Berlin: DE / State of Berlin / Berlin in the shipped database
const PARIS_IP = "62.210.16.6";
const MINUTE = 60_000;

let ingest: IngestionServer;
let userId: string;

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
  return { siteId, domain };
}

type VisitRow = Record<string, unknown> & { visit_id: string; visitor_id: string; pageviews: number; events: number; started_at: Date; ended_at: Date };

async function visitsOf(siteId: string): Promise<VisitRow[]> {
  await drainIngestion();
  const { rows } = await getPool().query<VisitRow>("SELECT * FROM visits WHERE site_id = $1 ORDER BY started_at", [siteId]);
  return rows;
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

    const [visit, ...more] = await visitsOf(siteId);
    expect(more).toEqual([]);
    expect(visit).toMatchObject({
      entry_page: "/pricing", exit_page: "/pricing", pageviews: 1, events: 0,
      source: "Google", referrer_host: "google.de", channel: "search", utm_campaign: "spring", utm_source: null,
      browser: "Chrome", os: "Windows", device: "desktop", country: "DE", region: "State of Berlin", city: "Berlin",
    });
    const { rows: events } = await getPool().query("SELECT name, pathname, props, visitor_id, visit_id, ts FROM events WHERE site_id = $1", [siteId]);
    expect(events).toEqual([{ name: "pageview", pathname: "/pricing", props: null, visitor_id: visit!.visitor_id, visit_id: visit!.visit_id, ts: visit!.started_at }]);
    expect(BigInt(visit!.visitor_id)).toBeGreaterThan(0n);
  });

  it("classifies a mobile visitor and keeps custom props as JSON", async () => {
    const { siteId, domain } = await createSite();
    await send({ n: "Signup", u: `https://${domain}/join`, d: domain, p: { plan: "pro", seats: 3 } }, SAFARI_IPHONE, PARIS_IP);
    const [visit] = await visitsOf(siteId);
    expect(visit).toMatchObject({ browser: "Safari", os: "iOS", device: "mobile", country: "FR", source: "Direct / None", channel: "direct", pageviews: 0, events: 1 });
    const { rows } = await getPool().query("SELECT props FROM events WHERE site_id = $1", [siteId]);
    expect(rows).toEqual([{ props: { plan: "pro", seats: "3" } }]);
  });
  it("keeps names and props with quotes, backslashes, braces and the text NULL exactly", async () => {
    const { siteId, domain } = await createSite();
    const name = 'Clicked "Buy" \\ {now}, NULL';
    const props = { label: 'a "quoted" \\ value', empty: "", literal: "NULL", set: "{1,2}", emoji: "😀 ünïcode" };
    await send({ n: name, u: `https://${domain}/`, d: domain, p: props }, CHROME_WIN, PARIS_IP);
    await drainIngestion();
    const { rows } = await getPool().query("SELECT name, props FROM events WHERE site_id = $1", [siteId]);
    expect(rows).toEqual([{ name, props }]);
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
    const visits = await visitsOf(siteId);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ entry_page: "/", exit_page: "/docs", pageviews: 2, events: 2 });
    expect(visits[0]!.ended_at.getTime() - visits[0]!.started_at.getTime()).toBe(3 * MINUTE);
    const { rows } = await getPool().query("SELECT DISTINCT visit_id FROM events WHERE site_id = $1", [siteId]);
    expect(rows).toEqual([{ visit_id: visits[0]!.visit_id }]);
  });

  it("keep counting when the visit was already written by an earlier flush", async () => {
    const clock = manualClock("2031-03-10T10:00:00Z");
    const { siteId, domain } = await createSite();
    const ip = "198.51.100.21";
    await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, ip);
    expect(await visitsOf(siteId)).toMatchObject([{ entry_page: "/", exit_page: "/", pageviews: 1, events: 0 }]);
    clock.advance(MINUTE);
    await send({ n: "pageview", u: `https://${domain}/pricing`, d: domain }, CHROME_WIN, ip);
    await send({ n: "Signup", u: `https://${domain}/pricing`, d: domain }, CHROME_WIN, ip);
    const visits = await visitsOf(siteId);
    expect(visits).toMatchObject([{ entry_page: "/", exit_page: "/pricing", pageviews: 2, events: 1, browser: "Chrome", country: null }]);
    expect(visits[0]!.ended_at.getTime() - visits[0]!.started_at.getTime()).toBe(MINUTE);
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
    expect(visits.map((v) => [v.entry_page, v.exit_page, v.pageviews])).toEqual([["/a", "/b", 2], ["/c", "/c", 1]]);
    expect(visits[0]!.visitor_id).toBe(visits[1]!.visitor_id);
    expect(visits[0]!.visit_id).not.toBe(visits[1]!.visit_id);
  });

  it("are marked for the rollups as (site, time zone, UTC day): the next refresh counts them on the site's local day", async () => {
    manualClock("2031-03-12T23:30:00Z"); // 19:30 in New York
    const { siteId, domain } = await createSite("America/New_York");
    await send({ n: "pageview", u: `https://${domain}/`, d: domain }, CHROME_WIN, "198.51.100.22");
    await drainIngestion();
    const refreshed = await refreshDirtyRollups();
    expect(refreshed.siteIds).toContain(siteId);
    const { rows } = await getPool().query<{ day: string; pageviews: number }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, pageviews FROM daily_stats WHERE site_id = $1 AND dimension = 'total' ORDER BY day",
      [siteId],
    );
    expect(rows).toEqual([{ day: "2031-03-12", pageviews: 1 }]);
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
    const visitors = (await visitsOf(siteId)).map((visit) => visit.visitor_id);
    expect(new Set(visitors).size).toBe(3);

    const daysLeft = async () =>
      (await getPool().query<{ day: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM salts WHERE site_id = $1 ORDER BY day", [siteId])).rows.map((r) => r.day);
    expect(await daysLeft()).toEqual(["2031-04-01", "2031-04-02", "2031-04-03"]);
    expect(await rotateSalts(new Date("2031-04-03T00:05:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await daysLeft()).toEqual(["2031-04-02", "2031-04-03"]);
  });
});

describe("privacy", () => {
  it("stores neither the IP address nor the user agent in any column of events, visits or salts", async () => {
    const { siteId, domain } = await createSite();
    const ua = `${CHROME_WIN} Marker/${randomUUID()}`;
    const ip = "2a00:1450:4001:80e::200e";
    await send({ n: "pageview", u: `https://${domain}/?utm_source=mail`, d: domain, r: "https://news.ycombinator.com/item?id=1" }, ua, ip);
    await send({ n: "Signup", u: `https://${domain}/`, d: domain, p: { plan: "pro" } }, ua, ip);
    expect(await visitsOf(siteId)).toHaveLength(1);
    for (const table of ["events", "visits", "salts"]) {
      // The whole row as text: every column, JSON included, whatever its type.
      for (const needle of [ip, ua, "Marker/", BERLIN_IP, PARIS_IP, "10.9.9.9"]) {
        const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text ILIKE '%' || $1 || '%'`, [needle]);
        expect(rows[0], `${table} contains ${needle}`).toEqual({ n: 0 });
      }
    }
  });
});
