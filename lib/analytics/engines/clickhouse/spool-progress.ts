import type { ClickHouse } from "./clickhouse";
import { readSpoolMark } from "./spool-mark";
import { findStoredEvents, highestStoredSeq, storedEventKey } from "./stored-events";
import type { EventRecord } from "@/lib/analytics/types";

// What the ClickHouse writer knows of each spool's events in ClickHouse, so that each event
// is written once however often it is sent, without asking ClickHouse at every flush:
// - up to `mark`, every event is stored (or was refused for good): they are skipped;
// - above it and up to `unsure`, an event may be stored: an insert whose answer never came,
//   one that applied in part (a block split over two months), or rows an earlier process
//   wrote after its last mark. Those are looked up (stored-events.ts) and skipped if found;
// - above `unsure`, nothing is stored: inserted without asking.
// In the normal run each flush's seqs are all above `unsure`, and its mark then covers them:
// no lookup. After a start, `unsure` is the highest seq stored by earlier runs, so the spool
// replay's batches are looked up, whatever their boundaries.
//
// The state of a spool is loaded at its first write and kept in memory; writes of one spool
// run one at a time (the flusher and the replay never overlap).

export type SpoolProgress = { spoolId: string; mark: number; unsure: number };

export class SpoolProgressBook {
  private readonly spools = new Map<string, SpoolProgress>();

  constructor(private readonly ch: ClickHouse) {}

  /** `spoolId` null (a bare test server): events go in as spool '' and nothing is replayed, so only this process's own retries are unsure. */
  async get(spoolId: string | null): Promise<SpoolProgress> {
    const id = spoolId ?? "";
    const known = this.spools.get(id);
    if (known !== undefined) return known;
    let loaded: SpoolProgress = { spoolId: id, mark: 0, unsure: 0 };
    if (spoolId !== null) {
      const mark = await readSpoolMark(this.ch, id);
      loaded = { spoolId: id, mark, unsure: await highestStoredSeq(this.ch, id, mark) };
    }
    const raced = this.spools.get(id);
    if (raced !== undefined) return raced;
    this.spools.set(id, loaded);
    return loaded;
  }
}

/** The events not stored yet, in their order. */
export async function withoutStoredEvents(ch: ClickHouse, progress: SpoolProgress, events: EventRecord[]): Promise<EventRecord[]> {
  const above = events.every((e) => e.seq > progress.mark) ? events : events.filter((e) => e.seq > progress.mark);
  const unsure = above.filter((e) => e.seq <= progress.unsure);
  if (unsure.length === 0) return above;
  const stored = await findStoredEvents(ch, progress.spoolId, unsure);
  return stored.size === 0 ? above : above.filter((e) => !stored.has(storedEventKey(e.seq, e.ts)));
}

/** Before inserting `events`: until a mark covers them, they may be stored. */
export function markUnsure(progress: SpoolProgress, events: readonly EventRecord[]): void {
  for (const e of events) if (e.seq > progress.unsure) progress.unsure = e.seq;
}

/** After the rows up to `seq` are stored and the mark is written. */
export function markStored(progress: SpoolProgress, seq: number): void {
  if (seq > progress.mark) progress.mark = seq;
}
