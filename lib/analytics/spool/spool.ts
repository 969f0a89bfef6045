import { randomBytes } from "node:crypto";
import { closeSync, fdatasync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { segmentName, syncDirectory } from "./segment-files";

// The ingestion spool: every accepted event is appended to a local file, and made durable
// with fdatasync, before the client gets its 202. Group commit: the lines of one event-loop
// turn go out in one write, and one fdatasync covers every write made before it started
// (0.2–0.3 ms on the development VM), so a busy second costs a few hundred syncs, not one
// per event. Once Postgres has committed a flush, the segments it covers are deleted;
// after a crash, start-up replays what Postgres does not have (store/replay-spool.ts).
//
// Invariant: while no fdatasync runs, every byte written to the current segment is synced.
// Segments are rotated only then, so that one sync never has to cover two files.

export type DurableCallback = (error: Error | null) => void;
export type ClosedSegment = { file: string; lastSeq: number };

const SEGMENT_BYTES = 8 * 1024 * 1024;
const ID_FILE = "spool-id";

type Segment = { file: string; fd: number; bytes: number; lastSeq: number };

export class Spool {
  private current: Segment | null = null;
  /** Closed segments, oldest first, kept until Postgres has committed their last event. */
  private readonly closed: ClosedSegment[] = [];
  private pending: string[] = [];
  private pendingFirstSeq = 0;
  private pendingLastSeq = 0;
  private pendingCallbacks: DurableCallback[] = [];
  /** Written to the current segment, waiting for the next fdatasync. */
  private unsynced: DurableCallback[] = [];
  private syncing = false;
  private writeScheduled = false;
  /** A failed write may have left half a line: the next write starts on a new line. */
  private torn = false;
  private committedSeq = 0;
  private onIdle: (() => void) | null = null;

  private constructor(
    readonly dir: string,
    /** Names this spool in Postgres (ingest_spool_marks has one row per spool directory). */
    readonly id: string,
  ) {}

  /** Opens (creating if needed) the spool in `dir`; its id survives restarts. New segments start with the first append. */
  static open(dir: string): Spool {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new Spool(dir, readOrCreateId(dir));
  }

  /** Segments found at start that replay could not delete: they go once Postgres has their events. */
  keepUntilCommitted(segments: ClosedSegment[]): void {
    this.closed.unshift(...segments);
  }

  /** Queues one line (an accepted event; seq ascending); written at the end of this turn. */
  append(seq: number, line: string): void {
    if (this.pending.length === 0) this.pendingFirstSeq = seq;
    this.pending.push(line);
    this.pendingLastSeq = seq;
    this.schedule();
  }

  /** Calls back once everything appended so far is on disk (with an error if it could not be written). */
  whenDurable(callback: DurableCallback): void {
    if (this.pending.length === 0 && this.unsynced.length === 0 && !this.syncing) return callback(null);
    this.pendingCallbacks.push(callback);
    this.schedule();
  }

  /** Postgres has committed every event up to `seq`: delete the closed segments holding nothing newer. */
  committed(seq: number): void {
    if (seq > this.committedSeq) this.committedSeq = seq;
    while (this.closed.length > 0 && this.closed[0]!.lastSeq <= this.committedSeq) {
      const { file } = this.closed.shift()!;
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.error(`[spool] could not delete ${path.basename(file)}: ${(error as Error).message}`);
      }
    }
  }

  /** Segments still on disk (closed or current); for tests and operators. */
  segmentCount(): number {
    return this.closed.length + (this.current === null ? 0 : 1);
  }

  /** Writes what is queued, waits for the last sync and closes the file; what Postgres has is deleted. */
  async close(): Promise<void> {
    this.flushPending();
    if (this.syncing) await new Promise<void>((resolve) => (this.onIdle = resolve));
    this.rotate();
    this.committed(this.committedSeq);
  }

  private schedule(): void {
    if (this.writeScheduled) return;
    this.writeScheduled = true;
    // A microtask runs once the current turn has appended all of its events.
    queueMicrotask(() => {
      this.writeScheduled = false;
      this.flushPending();
    });
  }

  private flushPending(): void {
    const callbacks = this.pendingCallbacks;
    this.pendingCallbacks = [];
    if (this.pending.length > 0) {
      const data = `${this.torn ? "\n" : ""}${this.pending.join("\n")}\n`;
      const lastSeq = this.pendingLastSeq;
      this.pending = [];
      try {
        const segment = this.segmentFor(this.pendingFirstSeq);
        this.torn = true; // until the write below completes
        segment.bytes += writeAll(segment.fd, data);
        this.torn = false;
        segment.lastSeq = lastSeq;
      } catch (error) {
        console.error(`[spool] write failed: ${(error as Error).message}`);
        for (const callback of callbacks) callback(error as Error);
        return;
      }
    }
    if (callbacks.length === 0) return;
    this.unsynced.push(...callbacks);
    if (!this.syncing) this.startSync();
  }

  private startSync(): void {
    const segment = this.current;
    const callbacks = this.unsynced;
    this.unsynced = [];
    if (segment === null) {
      for (const callback of callbacks) callback(null);
      return;
    }
    this.syncing = true;
    fdatasync(segment.fd, (error) => {
      this.syncing = false;
      if (error) console.error(`[spool] fdatasync failed: ${error.message}`);
      for (const callback of callbacks) callback(error);
      if (this.unsynced.length > 0) return this.startSync();
      this.onIdle?.();
      this.onIdle = null;
    });
  }

  // The segment to write to: the current one, or a new one when there is none or it is full
  // and no sync runs on it (the invariant above).
  private segmentFor(firstSeq: number): Segment {
    const current = this.current;
    if (current !== null && (current.bytes < SEGMENT_BYTES || this.syncing)) return current;
    this.rotate();
    const file = path.join(this.dir, segmentName(firstSeq));
    const fd = openSync(file, "a", 0o600);
    syncDirectory(this.dir);
    this.current = { file, fd, bytes: 0, lastSeq: 0 };
    this.torn = false;
    return this.current;
  }

  private rotate(): void {
    const current = this.current;
    if (current === null) return;
    this.current = null;
    closeSync(current.fd);
    if (current.bytes > 0) this.closed.push({ file: current.file, lastSeq: current.lastSeq });
    else unlinkSync(current.file);
  }
}

function writeAll(fd: number, data: string): number {
  const bytes = Buffer.from(data);
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  return bytes.length;
}

function readOrCreateId(dir: string): string {
  const file = path.join(dir, ID_FILE);
  try {
    const id = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{16}$/.test(id)) return id;
  } catch {
    // first start in this directory
  }
  const id = randomBytes(8).toString("hex");
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  syncDirectory(dir);
  return id;
}
