import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";
import type { EventRow } from "@/lib/analytics/engines/clickhouse/encode-rows";
import { createClickHouseWriter } from "@/lib/analytics/engines/clickhouse/write-batch";
import { recordInVisit } from "@/lib/analytics/ingest/sessions";
import { EventBuffer, type Batch } from "@/lib/analytics/store/event-buffer";
import type { WriteOutcome } from "@/lib/analytics/analytics-store";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";
import { getPool } from "@/lib/db/pool";
import { startTestClickHouse } from "../support/clickhouse-test-instance";

// The ClickHouse writer against a real embedded ClickHouse and a real Postgres (sites): each
// event stored once whatever the retries, replays and crashes; visits that only move
// forward, with their pages and custom events; deleted sites and refused rows dropped; a
// ClickHouse that is down gives the batch back whole. Failures that a real engine cannot be
// asked to produce on cue (an answer lost after the insert landed, a crash between the rows
// and the mark, an insert applied to one month of two) are injected around the real engine
// by `failing`, which lets the statement run, or part of it, and then throws like a lost connection.

const T0 = Date.parse("2026-11-30T10:00:00Z");
const MINUTE = 60_000;

let ch: ClickHouse;
let userId: string;

beforeAll(async () => {
  ch = await startTestClickHouse();
  userId = `user-${randomUUID()}`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
});

afterAll(async () => {
  await ch?.close();
});

async function createSite(): Promise<SiteRef> {
  const siteId = `site-${randomUUID()}`;
  const domain = `ch-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
  return { siteId, domain, timezone: "Etc/UTC" };
}

/** Accepted traffic of one spool, as the flusher batches it (EventBuffer) and as the spool keeps it (an event and its visit's snapshot per seq). */
class Traffic {
  readonly spoolId = `spool-${randomUUID()}`;
  private readonly buffer = new EventBuffer();
  private readonly spooled: Array<{ event: EventRecord; visit: VisitRecord }> = [];
  private seq = 0;

  visit(site: SiteRef, startedAt = T0, country: string | null = "DE"): VisitRecord {
    const visitId = String(BigInt(Math.floor(Math.random() * 2 ** 52)) * 1024n + 7n); // beyond 2^53, as real ids are
    return {
      site, visitId, visitorId: "9007199254740993", startedAt, lastSeen: startedAt, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
      source: "Google", referrerHost: "www.google.com", channel: "Organic Search", utmSource: "news", utmMedium: null, utmCampaign: null,
      utmContent: null, utmTerm: null, country, region: "Berlin", city: "Berlin", browser: "Firefox", os: "Linux", device: "desktop",
    };
  }

  /** An accepted event: counted into its visit, spooled, buffered (ingest-event.ts and the flusher's enqueueEvent). */
  hit(visit: VisitRecord, pathname: string, at: number, name = "pageview"): void {
    recordInVisit(visit, name, pathname, at);
    const event: EventRecord = { seq: ++this.seq, site: visit.site, ts: at, name, visitorId: visit.visitorId, visitId: visit.visitId, pathname, props: null };
    this.spooled.push({ event, visit: { ...visit } });
    this.buffer.push(event, visit);
  }

  /** The flusher's write: take everything waiting, write it, give back what could not be written. */
  async flush(write: (batch: Batch) => Promise<WriteOutcome>): Promise<WriteOutcome> {
    const batch = this.buffer.takeBatch();
    const outcome = await write(batch);
    this.buffer.finishBatch(batch, outcome.leftover);
    return outcome;
  }

  /** A replay's chunk (store/replay-spool.ts rebuildBatch): events of seqs from..to, each visit once in the state of its latest line, as new objects. */
  replay(from: number, to = this.seq): Batch {
    const lines = this.spooled.filter(({ event }) => event.seq >= from && event.seq <= to);
    const visits = new Map<string, VisitRecord>();
    for (const { visit } of lines) visits.set(visit.visitId, { ...visit });
    return { events: lines.map(({ event }) => event), visits: [...visits.values()] };
  }
}

/** The real engine, but the first `insert` into `table` fails: after running it whole ("landed"), after running the rows of the batch's first month ("part"), or without running it ("refused connection"). */
function failing(table: string, how: "landed" | "part" | "not-run"): ClickHouse {
  let armed = true;
  const lost = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
  return {
    query: (sql, params) => ch.query(sql, params),
    command: (sql, params) => ch.command(sql, params),
    close: () => ch.close(),
    async insert(into, rows) {
      if (!armed || into.split(" ")[0] !== table) return ch.insert(into, rows);
      armed = false;
      if (how === "landed") await ch.insert(into, rows);
      if (how === "part") {
        const month = (row: object) => new Date((row as EventRow)[1]).toISOString().slice(0, 7);
        const first = month(rows[0]!);
        // The first month's block committed, under the insert's own token (as ClickHouse names it).
        await ch.insert(into, rows.filter((row) => month(row) === first));
      }
      throw lost();
    },
  };
}

async function storedSeqs(siteId: string): Promise<number[]> {
  const rows = await ch.query<{ seq: number }>("SELECT seq FROM events WHERE site_id = {site:String} ORDER BY seq LIMIT 1000", { site: siteId });
  return rows.map((row) => Number(row.seq));
}

type VisitRow = { pageviews: number; events: number; version: number; exit_page: string; ended_at: string; pages: string[]; event_names: string[] };

async function storedVisit(visit: VisitRecord): Promise<VisitRow[]> {
  return ch.query<VisitRow>(
    `SELECT pageviews, events, toUInt32(version) AS version, exit_page, toString(ended_at) AS ended_at, arraySort(pages) AS pages, arraySort(event_names) AS event_names
     FROM visits FINAL WHERE site_id = {site:String} AND visit_id = {id:Int64} LIMIT 10`,
    { site: visit.site.siteId, id: BigInt(visit.visitId) },
  );
}

const iso = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

describe("ClickHouse writer", () => {
  it("writes each event once with its visit's fixed attributes, the visit's state, and the spool's mark", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const a = traffic.visit(site);
    const b = traffic.visit(site, T0 + MINUTE, null);
    traffic.hit(a, "/", T0);
    traffic.hit(b, "/pricing", T0 + MINUTE);
    traffic.hit(a, "/docs", T0 + 2 * MINUTE);
    traffic.hit(a, "/docs", T0 + 3 * MINUTE, "Signup");
    traffic.hit(a, "/", T0 + 4 * MINUTE);
    const writer = createClickHouseWriter(ch);

    const outcome = await traffic.flush((batch) => writer.write(batch, traffic.spoolId));

    expect(outcome).toEqual({ stored: 5, discarded: 0, keys: [{ siteId: site.siteId, timezone: "Etc/UTC", day: "2026-11-30" }], leftover: null, error: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5]);
    const events = await ch.query(
      `SELECT name, pathname, toString(visit_id) AS visit, toString(visitor_id) AS visitor, toString(visit_started_at) AS started, entry_page, source,
         referrer_host, channel, utm_source, utm_medium, country, region, city, browser, os, device, spool_id
       FROM events WHERE site_id = {site:String} AND seq = 4 LIMIT 1`,
      { site: site.siteId },
    );
    expect(events).toEqual([{
      name: "Signup", pathname: "/docs", visit: a.visitId, visitor: "9007199254740993", started: iso(T0), entry_page: "/", source: "Google",
      referrer_host: "www.google.com", channel: "Organic Search", utm_source: "news", utm_medium: null, country: "DE", region: "Berlin", city: "Berlin",
      browser: "Firefox", os: "Linux", device: "desktop", spool_id: traffic.spoolId,
    }]);
    expect(await storedVisit(a)).toEqual([{ pageviews: 3, events: 1, version: 4, exit_page: "/", ended_at: iso(T0 + 4 * MINUTE), pages: ["/", "/docs"], event_names: ["Signup"] }]);
    expect(await storedVisit(b)).toEqual([{ pageviews: 1, events: 0, version: 1, exit_page: "/pricing", ended_at: iso(T0 + MINUTE), pages: ["/pricing"], event_names: [] }]);
    expect(await writer.readSpoolMark(traffic.spoolId)).toBe(5);
    expect(await writer.readSpoolMark(`spool-${randomUUID()}`)).toBe(0);
  });

  it("counts a batch once when its timed-out insert lands only after the retry has looked and written", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    for (let i = 0; i < 3; i++) traffic.hit(visit, `/${i}`, T0 + i * MINUTE);
    // The first events insert times out at once and runs on later, as a stalled engine does.
    let late: { into: string; rows: readonly object[] } | null = null;
    const writer = createClickHouseWriter({
      query: (sql, params) => ch.query(sql, params),
      command: (sql, params) => ch.command(sql, params),
      close: () => ch.close(),
      async insert(into, rows) {
        if (late === null && into.startsWith("events ")) {
          late = { into, rows };
          throw Object.assign(new Error("ClickHouse did not answer within 30 s"), { retryable: true });
        }
        return ch.insert(into, rows);
      },
    });

    const timedOut = await traffic.flush((batch) => writer.write(batch, traffic.spoolId));
    expect(timedOut).toMatchObject({ stored: 0, leftover: { events: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] } });
    traffic.hit(visit, "/3", T0 + 3 * MINUTE); // the retry carries a newer event too
    expect(await traffic.flush((batch) => writer.write(batch, traffic.spoolId))).toMatchObject({ stored: 4, leftover: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]);

    await ch.insert(late!.into, late!.rows); // the stalled insert completes now
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]);
  });

  it("counts a batch once when its insert landed but the answer was lost, and when the same batch comes again", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    for (let i = 0; i < 4; i++) traffic.hit(visit, `/${i}`, T0 + i * MINUTE);
    const writer = createClickHouseWriter(failing("events", "landed"));

    const lost = await traffic.flush((batch) => writer.write(batch, traffic.spoolId));
    expect(lost).toMatchObject({ stored: 0, discarded: 0, error: { code: "ECONNRESET" } });
    expect(lost.leftover?.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]); // it did land

    traffic.hit(visit, "/4", T0 + 4 * MINUTE); // accepted while the flush was failing: the retry carries both
    let sent: Batch | null = null;
    const retried = await traffic.flush((batch) => {
      sent = batch;
      return writer.write(batch, traffic.spoolId);
    });
    expect(retried).toMatchObject({ stored: 5, discarded: 0, leftover: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5]);

    // The same batch again (a second instance of a retry, a replay of it): nothing more.
    expect(await writer.write(sent!, traffic.spoolId)).toMatchObject({ leftover: null });
    expect(await createClickHouseWriter(ch).write(sent!, traffic.spoolId)).toMatchObject({ leftover: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5]);
    expect(await storedVisit(visit)).toMatchObject([{ pageviews: 5, version: 5, exit_page: "/4", pages: ["/0", "/1", "/2", "/3", "/4"] }]);
  });

  // ClickHouse's insert deduplication does this (the rows' insert_deduplication_token; the
  // block's hash would too): the writer's own lookup cannot see an insert still on its way.
  it("drops an insert that reaches ClickHouse after its retry was written", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    const lastNovember = Date.parse("2026-11-30T23:58:00Z");
    for (let i = 0; i < 4; i++) traffic.hit(visit, `/${i}`, lastNovember + i * MINUTE); // two month partitions
    let late: (() => Promise<void>) | null = null;
    const slow: ClickHouse = {
      ...ch,
      query: (sql, params) => ch.query(sql, params),
      insert: (table, rows) => {
        if (late !== null || !table.startsWith("events")) return ch.insert(table, rows);
        late = () => ch.insert(table, rows); // still on its way when the client gives up
        return Promise.reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
      },
    };
    const writer = createClickHouseWriter(slow);
    expect((await traffic.flush((batch) => writer.write(batch, traffic.spoolId))).leftover?.events).toHaveLength(4);
    expect(await traffic.flush((batch) => writer.write(batch, traffic.spoolId))).toMatchObject({ stored: 4, leftover: null });
    await late!();
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]);
  });

  it("replays after a crash between the rows and the mark, in other chunks, writing each event once", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const a = traffic.visit(site);
    const b = traffic.visit(site);
    for (let i = 0; i < 6; i++) traffic.hit(i % 2 === 0 ? a : b, `/${i}`, T0 + i * MINUTE);
    const first = createClickHouseWriter(ch);
    expect(await traffic.flush((batch) => first.write(batch, traffic.spoolId))).toMatchObject({ stored: 6, leftover: null });
    for (let i = 6; i < 10; i++) traffic.hit(i % 2 === 0 ? a : b, `/${i}`, T0 + i * MINUTE);
    // The process dies after writing the rows of its second flush, before the mark.
    const dying = createClickHouseWriter(failing("spool_marks", "not-run"));
    expect((await traffic.flush((batch) => dying.write(batch, traffic.spoolId))).leftover?.events).toHaveLength(4);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The next start: a new writer, the spool's lines above the mark (6) replayed in chunks
    // whose boundaries differ from the flushes (7..8, 9..10), then one replayed from seq 1 for good measure.
    const restarted = createClickHouseWriter(ch);
    const mark = await restarted.readSpoolMark(traffic.spoolId);
    expect(mark).toBe(6);
    expect(await restarted.write(traffic.replay(mark + 1, 8), traffic.spoolId)).toMatchObject({ stored: 2, discarded: 0, leftover: null });
    expect(await restarted.write(traffic.replay(9, 10), traffic.spoolId)).toMatchObject({ stored: 2, discarded: 0, leftover: null });
    expect(await createClickHouseWriter(ch).write(traffic.replay(1, 10), traffic.spoolId)).toMatchObject({ leftover: null });

    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await restarted.readSpoolMark(traffic.spoolId)).toBe(10);
    expect(await storedVisit(a)).toMatchObject([{ pageviews: 5, version: 5, exit_page: "/8", pages: ["/0", "/2", "/4", "/6", "/8"] }]);
    expect(await storedVisit(b)).toMatchObject([{ pageviews: 5, version: 5, exit_page: "/9", pages: ["/1", "/3", "/5", "/7", "/9"] }]);
  });

  it("writes the rest of an insert that reached one of its two month partitions, once, on retry and on replay", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const lastNovember = Date.parse("2026-11-30T23:58:00Z");
    const visit = traffic.visit(site, lastNovember);
    for (let i = 0; i < 4; i++) traffic.hit(visit, `/${i}`, lastNovember + i * MINUTE); // two in November, two in December
    const writer = createClickHouseWriter(failing("events", "part"));

    expect((await traffic.flush((batch) => writer.write(batch, traffic.spoolId))).leftover?.events).toHaveLength(4);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2]);
    const retried = await traffic.flush((batch) => writer.write(batch, traffic.spoolId));
    expect(retried).toMatchObject({ stored: 4, leftover: null });
    expect(retried.keys.map((key) => key.day).sort()).toEqual(["2026-11-30", "2026-12-01"]);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]);

    // After a restart, the spool replayed from before the mark changes nothing either.
    await createClickHouseWriter(ch).write(traffic.replay(1), traffic.spoolId);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4]);
    expect(await storedVisit(visit)).toMatchObject([{ pageviews: 4, version: 4, exit_page: "/3" }]);
  });

  it("keeps a visit's counters, pages and custom events across flushes, a restart, and a replay of an older state", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    const writer = createClickHouseWriter(ch);
    const flush = () => traffic.flush((batch) => writer.write(batch, traffic.spoolId));

    traffic.hit(visit, "/", T0);
    traffic.hit(visit, "/pricing", T0 + MINUTE);
    await flush();
    expect(await storedVisit(visit)).toMatchObject([{ pageviews: 2, events: 0, version: 2, exit_page: "/pricing", pages: ["/", "/pricing"], event_names: [] }]);
    traffic.hit(visit, "/pricing", T0 + 2 * MINUTE, "Signup");
    await flush();
    expect(await storedVisit(visit)).toMatchObject([{ pageviews: 2, events: 1, version: 3, exit_page: "/pricing", pages: ["/", "/pricing"], event_names: ["Signup"] }]);
    traffic.hit(visit, "/docs", T0 + 3 * MINUTE);
    traffic.hit(visit, "/", T0 + 4 * MINUTE);
    await flush();
    const third = { pageviews: 4, events: 1, version: 5, exit_page: "/", ended_at: iso(T0 + 4 * MINUTE), pages: ["/", "/docs", "/pricing"], event_names: ["Signup"] };
    expect(await storedVisit(visit)).toEqual([third]);

    // A restart: the new writer has no memory of the visit. An older snapshot (after the
    // second event) replayed, as after a crash with a lagging mark, moves nothing back.
    expect(await createClickHouseWriter(ch).write(traffic.replay(1, 2), traffic.spoolId)).toMatchObject({ leftover: null });
    expect(await storedVisit(visit)).toEqual([third]);

    // Lines the previous run never wrote (accepted, spooled, then the crash): merged into the
    // stored state, pages and custom events accumulated from both.
    traffic.hit(visit, "/blog", T0 + 5 * MINUTE);
    traffic.hit(visit, "/blog", T0 + 6 * MINUTE, "Download");
    const restarted = createClickHouseWriter(ch);
    expect(await restarted.write(traffic.replay(6, 7), traffic.spoolId)).toMatchObject({ stored: 2, leftover: null });
    expect(await storedVisit(visit)).toEqual([
      { pageviews: 5, events: 2, version: 7, exit_page: "/blog", ended_at: iso(T0 + 6 * MINUTE), pages: ["/", "/blog", "/docs", "/pricing"], event_names: ["Download", "Signup"] },
    ]);
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("drops the rows of a site deleted since its events were accepted, and writes the others", async () => {
    const kept = await createSite();
    const deleted = await createSite();
    const traffic = new Traffic();
    const keptVisit = traffic.visit(kept);
    const deletedVisit = traffic.visit(deleted);
    traffic.hit(deletedVisit, "/gone", T0);
    traffic.hit(keptVisit, "/kept", T0);
    traffic.hit(deletedVisit, "/gone-too", T0 + MINUTE);
    await getPool().query("DELETE FROM sites WHERE id = $1", [deleted.siteId]);

    const writer = createClickHouseWriter(ch);
    const outcome = await traffic.flush((batch) => writer.write(batch, traffic.spoolId));

    expect(outcome).toEqual({ stored: 1, discarded: 2, keys: [{ siteId: kept.siteId, timezone: "Etc/UTC", day: "2026-11-30" }], leftover: null, error: null });
    expect(await storedSeqs(kept.siteId)).toEqual([2]);
    expect(await storedSeqs(deleted.siteId)).toEqual([]);
    expect(await storedVisit(deletedVisit)).toEqual([]);
    expect(await writer.readSpoolMark(traffic.spoolId)).toBe(3);
  });

  it("drops a row ClickHouse cannot hold and writes the rest; a lone surrogate in a custom event's name is stored as U+FFFD", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const good = traffic.visit(site);
    const bad = traffic.visit(site);
    traffic.hit(good, "/a", T0);
    traffic.hit(good, "/a", T0 + MINUTE, "Click \ud800");
    // A lone surrogate where ingestion never puts one (paths come out of URL parsing): ClickHouse
    // refuses the event and its visit (exit page, pages); the writer drops those two rows alone.
    traffic.hit(bad, "/b\ud800", T0);
    traffic.hit(good, "/c", T0 + 2 * MINUTE);

    const outcome = await traffic.flush((batch) => createClickHouseWriter(ch).write(batch, traffic.spoolId));

    expect(outcome).toMatchObject({ stored: 3, discarded: 1, leftover: null, error: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2, 4]);
    const names = await ch.query<{ name: string }>("SELECT name FROM events WHERE site_id = {site:String} AND seq = 2 LIMIT 1", { site: site.siteId });
    expect(names).toEqual([{ name: "Click \ufffd" }]);
    expect(await storedVisit(good)).toMatchObject([{ pageviews: 2, events: 1, pages: ["/a", "/c"], event_names: ["Click \ufffd"] }]);
    expect(await storedVisit(bad)).toEqual([]);
  });

  it("writes without a spool (bare servers): no mark, and a retry still counts once", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    traffic.hit(visit, "/", T0);
    traffic.hit(visit, "/x", T0 + MINUTE);
    const writer = createClickHouseWriter(failing("events", "landed"));
    expect((await traffic.flush((batch) => writer.write(batch, null))).leftover?.events).toHaveLength(2);
    expect(await traffic.flush((batch) => writer.write(batch, null))).toMatchObject({ stored: 2, leftover: null });
    expect(await storedSeqs(site.siteId)).toEqual([1, 2]);
    expect(await writer.readSpoolMark("")).toBe(0);
  });

  it("gives the whole batch back while ClickHouse is closed, writes nothing, and writes it all once ClickHouse is back", async () => {
    const site = await createSite();
    const traffic = new Traffic();
    const visit = traffic.visit(site);
    for (let i = 0; i < 3; i++) traffic.hit(visit, `/${i}`, T0 + i * MINUTE);
    // An engine of this test's own, closed, then opened again on the same data.
    const dir = mkdtempSync(path.join(os.tmpdir(), "ministat-ch-down-"));
    const original = ch;
    let own = await openClickHouse({ dataDir: dir });
    await own.close();
    const writer = createClickHouseWriter({
      query: (sql, params) => own.query(sql, params),
      command: (sql, params) => own.command(sql, params),
      insert: (table, rows) => own.insert(table, rows),
      close: () => own.close(),
    });
    try {
      let sent: Batch | null = null;
      const failed = await traffic.flush((batch) => {
        sent = batch;
        return writer.write(batch, traffic.spoolId);
      });
      expect(failed).toMatchObject({ stored: 0, discarded: 0, keys: [], error: expect.any(Error) as unknown });
      expect(failed.leftover).toBe(sent);

      own = await openClickHouse({ dataDir: dir });
      ch = own;
      expect(await storedSeqs(site.siteId)).toEqual([]);
      expect(await traffic.flush((batch) => writer.write(batch, traffic.spoolId))).toMatchObject({ stored: 3, discarded: 0, leftover: null });
      expect(await storedSeqs(site.siteId)).toEqual([1, 2, 3]);
      expect(await storedVisit(visit)).toMatchObject([{ pageviews: 3, version: 3 }]);
      expect(await writer.readSpoolMark(traffic.spoolId)).toBe(3);
    } finally {
      ch = original;
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

