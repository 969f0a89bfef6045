import { randomUUID } from "node:crypto";
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { resetClock, setClock } from "@/lib/analytics/ingest/clock";
import { drainIngestion, startIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { encodeRecord } from "@/lib/analytics/spool/record";
import { listSegments, segmentName } from "@/lib/analytics/spool/segment-files";
import { Spool } from "@/lib/analytics/spool/spool";
import { getIngestionStats } from "@/lib/analytics/store/flusher";
import { replaySpool } from "@/lib/analytics/store/replay-spool";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";
import { getPool } from "@/lib/db/pool";
import { readStored, storedPaths } from "@/tests/support/stored-rows";

// The spool makes a 202 durable: the event is on disk before the answer, the analytics
// store's mark moves with each committed flush, and a start-up replay writes exactly the
// accepted events that the store lacks — once, however often it runs. Everything is read and
// prepared through the store, so this holds for every engine. The kill -9 and SIGTERM cases
// against the real server are in e2e/operator/durability.spec.ts.

const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36";

let userId: string;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ministat-spool-it-"));
  dirs.push(dir);
  return dir;
}

async function createSite(): Promise<SiteRef> {
  const siteId = `site-${randomUUID()}`;
  const domain = `spool-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
  return { siteId, domain, timezone: "Etc/UTC" };
}

/** The spool's mark in the store: the highest seq whose event is stored (0: none). */
async function markOf(spoolId: string): Promise<number> {
  return (await getAnalyticsStore()).readSpoolMark(spoolId);
}

beforeAll(async () => {
  userId = `user-${randomUUID()}`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("with the app's spool", () => {
  let ingest: IngestionServer;
  let spoolDir: string;

  // Each event is received a second after the one before, so the stored events have one order by time on any engine.
  let clock = Date.parse("2026-11-30T09:00:00Z");

  beforeAll(async () => {
    setClock(() => clock);
    spoolDir = tempDir();
    await startIngestion({ spoolDir });
    ingest = await startIngestionServer();
  });

  afterAll(async () => {
    await drainIngestion();
    await ingest.close();
    resetClock();
  });

  function send(domain: string, pathname: string): Promise<number> {
    clock += 1000;
    return new Promise((resolve, reject) => {
      const req = http.request(ingest.url, { method: "POST", headers: { "content-type": "text/plain", "user-agent": CHROME }, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(JSON.stringify({ n: "pageview", u: `https://${domain}${pathname}`, d: domain }));
    });
  }

  it("has an accepted event on disk when the 202 arrives, before any flush", async () => {
    const site = await createSite();
    const marker = `/on-disk-${randomUUID()}`;
    expect(await send(site.domain, marker)).toBe(202);
    const files = await listSegments(spoolDir);
    const text = files.map((file) => readFileSync(file, "utf8")).join("");
    expect(text).toContain(marker);
    expect(text).toContain(site.siteId);
  });

  it("moves the store's mark to the last written event, and leaves no file once drained", async () => {
    const site = await createSite();
    for (const p of ["/a", "/b", "/c"]) expect(await send(site.domain, p)).toBe(202);
    await drainIngestion();
    // This process numbered its events from 1 (the spool started empty): the mark is the last one.
    expect(await markOf(Spool.open(spoolDir).id)).toBe(getIngestionStats().accepted);
    expect(await storedPaths(site.siteId)).toEqual(["/a", "/b", "/c"]);
    expect(await listSegments(spoolDir)).toEqual([]);
  });
});

describe("replay at start-up", () => {
  const T0 = Date.parse("2026-11-30T10:00:00Z");

  function visitOf(site: SiteRef, visitId: string): VisitRecord {
    return {
      site, visitId, visitorId: "77", startedAt: T0, lastSeen: T0, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
      source: "Direct / None", referrerHost: null, channel: "Direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
      utmTerm: null, country: "DE", region: null, city: null, browser: "Firefox", os: "Linux", device: "desktop",
    };
  }

  /** One pageview a minute in one visit, each event with its visit as it was then (what the spool records). */
  function pageviews(site: SiteRef, visitId: string, paths: string[], firstSeq = 1): Array<{ event: EventRecord; visit: VisitRecord }> {
    const visit = visitOf(site, visitId);
    return paths.map((pathname, i) => {
      const ts = T0 + i * 60_000;
      visit.pageviews++;
      visit.exitPage = pathname;
      visit.lastSeen = ts;
      return { event: { seq: firstSeq + i, site, ts, name: "pageview", visitorId: visit.visitorId, visitId, pathname, props: null }, visit: { ...visit } };
    });
  }

  /** Writes a segment as a run killed mid-way would leave it. */
  function writeSpool(dir: string, site: SiteRef, visitId: string, paths: string[], firstSeq = 1): void {
    const lines = pageviews(site, visitId, paths, firstSeq).map(({ event, visit }) => encodeRecord(event, visit));
    writeFileSync(path.join(dir, segmentName(firstSeq)), `${lines.join("\n")}\n${lines[0]!.slice(0, 20)}`); // + a torn last line
  }

  /** What a run's flush committed before it died: the events, their visit's latest state, and the spool's mark. */
  async function commitAsEarlierRun(spoolId: string, written: Array<{ event: EventRecord; visit: VisitRecord }>): Promise<void> {
    const outcome = await (await getAnalyticsStore()).write({ events: written.map((w) => w.event), visits: [written[written.length - 1]!.visit] }, spoolId);
    expect(outcome).toMatchObject({ stored: written.length, discarded: 0, leftover: null });
  }

  it("writes the events above the store's mark, rebuilds their visit, and writes nothing twice", async () => {
    const dir = tempDir();
    const spool = Spool.open(dir);
    const site = await createSite();
    const paths = ["/1", "/2", "/3", "/4", "/5"];
    writeSpool(dir, site, "123456789", paths);
    // The run that died had committed the first two events (and their mark) before it died.
    await commitAsEarlierRun(spool.id, pageviews(site, "123456789", paths).slice(0, 2));
    expect(await markOf(spool.id)).toBe(2);
    expect(await storedPaths(site.siteId)).toEqual(["/1", "/2"]);

    const first = await replaySpool(dir, spool.id);
    expect(first).toMatchObject({ replayed: 3, discarded: 0, unreadable: 0, lastSeq: 5, kept: [] });
    expect(await storedPaths(site.siteId)).toEqual(["/1", "/2", "/3", "/4", "/5"]);
    expect(await markOf(spool.id)).toBe(5);
    const { visits } = await readStored(site.siteId);
    expect(visits.map(({ pageviews, exitPage, endedAt, country }) => ({ pageviews, exitPage, endedAt, country }))).toEqual([
      { pageviews: 5, exitPage: "/5", endedAt: T0 + 4 * 60_000, country: "DE" },
    ]);
    expect(await listSegments(dir)).toEqual([]);

    // A crash during the first replay leaves the files: replaying them again adds nothing.
    writeSpool(dir, site, "123456789", ["/1", "/2", "/3", "/4", "/5"]);
    const second = await replaySpool(dir, spool.id);
    expect(second).toMatchObject({ replayed: 0, lastSeq: 5 });
    expect(await storedPaths(site.siteId)).toEqual(["/1", "/2", "/3", "/4", "/5"]);
  });

  it("drops the events of a site deleted since, and writes the others", async () => {
    const dir = tempDir();
    const spool = Spool.open(dir);
    const kept = await createSite();
    const deleted = await createSite();
    writeSpool(dir, deleted, "1", ["/gone"], 1);
    writeSpool(dir, kept, "2", ["/kept"], 2);
    await getPool().query("DELETE FROM sites WHERE id = $1", [deleted.siteId]);
    const result = await replaySpool(dir, spool.id);
    expect(result).toMatchObject({ replayed: 1, discarded: 1, lastSeq: 2 });
    expect(await storedPaths(kept.siteId)).toEqual(["/kept"]);
    expect(await storedPaths(deleted.siteId)).toEqual([]);
  });

  it("continues numbering after the highest seq it has seen", async () => {
    const dir = tempDir();
    const spool = Spool.open(dir);
    // An earlier run wrote up to seq 41, and its spool files are gone.
    await commitAsEarlierRun(spool.id, pageviews(await createSite(), "41", ["/41"], 41));
    expect(await replaySpool(dir, spool.id)).toMatchObject({ replayed: 0, lastSeq: 41 });
  });
});
