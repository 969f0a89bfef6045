import { unlink } from "node:fs/promises";
import path from "node:path";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import type { SpoolRecord } from "@/lib/analytics/spool/record";
import { listSegments, readSegment } from "@/lib/analytics/spool/segment-files";
import type { ClosedSegment } from "@/lib/analytics/spool/spool";
import { getPool } from "@/lib/db/pool";
import type { Batch } from "./event-buffer";
import type { EventRecord, SiteRef, VisitRecord } from "@/lib/analytics/types";

// At start-up, before any new event is accepted: the spool's events that the analytics store
// does not have (seq above the spool's mark) are written, through the same path and in the same
// transactions-with-mark as a flush, so replaying twice (a crash during replay) writes
// nothing twice. Visits are rebuilt from their latest snapshot in the spool and upserted,
// which only ever moves their counters and end forward.

export type ReplayResult = {
  /** Events written now. */
  replayed: number;
  /** Events of sites deleted since, or rows Postgres refused. */
  discarded: number;
  /** Lines that could not be read (a damaged file); a torn last line is not counted. */
  unreadable: number;
  /** The highest seq found in the spool or recorded in Postgres: new events continue after it. */
  lastSeq: number;
  /** Segments that stay until Postgres has all of their events (normally none). */
  kept: ClosedSegment[];
};

const CHUNK_EVENTS = 5_000;

export async function replaySpool(dir: string, spoolId: string): Promise<ReplayResult> {
  const store = await getAnalyticsStore();
  const mark = await store.readSpoolMark(spoolId);
  const files = await listSegments(dir);
  const result: ReplayResult = { replayed: 0, discarded: 0, unreadable: 0, lastSeq: mark, kept: [] };
  const records: SpoolRecord[] = [];
  const lastSeqOf = new Map<string, number>();
  for (const file of files) {
    const { records: lines, unreadable } = await readSegment(file);
    result.unreadable += unreadable;
    for (const record of lines) if (record.seq > mark) records.push(record);
    const last = lines.length === 0 ? 0 : lines[lines.length - 1]!.seq;
    lastSeqOf.set(file, last);
    result.lastSeq = Math.max(result.lastSeq, last);
  }
  if (records.length > 0) {
    const sites = await loadSites([...new Set(records.map((r) => r.siteId))]);
    for (let i = 0; i < records.length; i += CHUNK_EVENTS) {
      const outcome = await store.write(rebuildBatch(records.slice(i, i + CHUNK_EVENTS), sites), spoolId);
      if (outcome.leftover !== null) throw new Error(`replaying the ingestion spool failed: ${String(outcome.error)}`);
      result.replayed += outcome.stored;
      result.discarded += outcome.discarded;
    }
    result.discarded += records.filter((r) => !sites.has(r.siteId)).length;
  }
  // Everything up to lastSeq is now in Postgres, or was refused for good.
  for (const file of files) {
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") result.kept.push({ file, lastSeq: lastSeqOf.get(file) ?? 0 });
    });
  }
  if (result.unreadable > 0) console.error(`[spool] ${result.unreadable} unreadable line(s) in ${path.resolve(dir)} were skipped`);
  return result;
}

async function loadSites(ids: string[]): Promise<Map<string, SiteRef>> {
  const { rows } = await getPool().query<{ id: string; domain: string; timezone: string }>("SELECT id, domain, timezone FROM sites WHERE id = ANY($1::text[])", [ids]);
  return new Map(rows.map((row) => [row.id, { siteId: row.id, domain: row.domain, timezone: row.timezone }]));
}

// The events in seq order, and each visit once, in the state of its latest line. A visit
// whose first lines a previous flush committed is upserted whole: the row's counters take
// the larger values, so this is right whether or not the row exists.
function rebuildBatch(records: SpoolRecord[], sites: Map<string, SiteRef>): Batch {
  const events: EventRecord[] = [];
  const visits = new Map<string, VisitRecord>();
  for (const record of records) {
    const site = sites.get(record.siteId);
    if (site === undefined) continue;
    events.push({ ...record.event, seq: record.seq, site });
    visits.set(`${record.siteId}:${record.visit.visitId}`, { ...record.visit, site });
  }
  return { events, visits: [...visits.values()] };
}
