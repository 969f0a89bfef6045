import { randomUUID } from "node:crypto";
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainIngestion, startIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { encodeRecord } from "@/lib/analytics/spool/record";
import { listSegments, segmentName } from "@/lib/analytics/spool/segment-files";
import { Spool } from "@/lib/analytics/spool/spool";
import { getIngestionStats } from "@/lib/analytics/store/flusher";
import { replaySpool } from "@/lib/analytics/store/replay-spool";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";
import { getPool } from "@/lib/db/pool";

// The spool makes a 202 durable: the event is on disk before the answer, Postgres's mark
// moves with each committed flush, and a start-up replay writes exactly the accepted events
// that Postgres lacks — once, however often it runs. The kill -9 and SIGTERM cases against
// the real server are in e2e/operator/durability.spec.ts.

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

async function markOf(spoolId: string): Promise<number | null> {
  const { rows } = await getPool().query<{ seq: string }>("SELECT committed_seq AS seq FROM ingest_spool_marks WHERE spool_id = $1", [spoolId]);
  return rows.length === 0 ? null : Number(rows[0]!.seq);
}

async function storedPaths(siteId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ pathname: string }>("SELECT pathname FROM events WHERE site_id = $1 ORDER BY ts, id", [siteId]);
  return rows.map((row) => row.pathname);
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

  beforeAll(async () => {
    spoolDir = tempDir();
    await startIngestion({ spoolDir });
    ingest = await startIngestionServer();
  });

  afterAll(async () => {
    await drainIngestion();
    await ingest.close();
  });

  function send(domain: string, pathname: string): Promise<number> {
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

  it("moves Postgres's mark to the last written event, and leaves no file once drained", async () => {
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

  /** Writes a segment as a run killed mid-way would leave it: one pageview a minute in one visit. */
  function writeSpool(dir: string, site: SiteRef, visitId: string, paths: string[], firstSeq = 1): void {
    const visit = visitOf(site, visitId);
    const lines = paths.map((pathname, i) => {
      const ts = T0 + i * 60_000;
      visit.pageviews++;
      visit.exitPage = pathname;
      visit.lastSeen = ts;
      const event: EventRecord = { seq: firstSeq + i, site, ts, name: "pageview", visitorId: visit.visitorId, visitId, pathname, props: null };
      return encodeRecord(event, visit);
    });
    writeFileSync(path.join(dir, segmentName(firstSeq)), `${lines.join("\n")}\n${lines[0]!.slice(0, 20)}`); // + a torn last line
  }

  it("writes the events above Postgres's mark, rebuilds their visit, and writes nothing twice", async () => {
    const dir = tempDir();
    const spool = Spool.open(dir);
    const site = await createSite();
    writeSpool(dir, site, "123456789", ["/1", "/2", "/3", "/4", "/5"]);
    // The run that died had committed the first two events (and their mark) before it died.
    await getPool().query("INSERT INTO ingest_spool_marks (spool_id, committed_seq) VALUES ($1, 2)", [spool.id]);
    await getPool().query(
      `INSERT INTO events (site_id, ts, name, visitor_id, visit_id, pathname) VALUES ($1, $2, 'pageview', 77, 123456789, '/1'), ($1, $3, 'pageview', 77, 123456789, '/2')`,
      [site.siteId, new Date(T0), new Date(T0 + 60_000)],
    );

    const first = await replaySpool(dir, spool.id);
    expect(first).toMatchObject({ replayed: 3, discarded: 0, unreadable: 0, lastSeq: 5, kept: [] });
    expect(await storedPaths(site.siteId)).toEqual(["/1", "/2", "/3", "/4", "/5"]);
    expect(await markOf(spool.id)).toBe(5);
    const { rows } = await getPool().query("SELECT pageviews, exit_page, ended_at, country FROM visits WHERE site_id = $1", [site.siteId]);
    expect(rows).toEqual([{ pageviews: 5, exit_page: "/5", ended_at: new Date(T0 + 4 * 60_000), country: "DE" }]);
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
    await getPool().query("INSERT INTO ingest_spool_marks (spool_id, committed_seq) VALUES ($1, 41)", [spool.id]);
    expect(await replaySpool(dir, spool.id)).toMatchObject({ replayed: 0, lastSeq: 41 });
  });
});
