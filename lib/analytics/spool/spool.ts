import { randomBytes } from "node:crypto";
import { closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { segmentName, syncDirectory } from "./segment-files";

// The ingestion spool: every accepted event is appended to a local file before the client
// gets its 202, so that a crash of this process cannot lose it (the next start replays
// what Postgres lacks: store/replay-spool.ts). The lines of one event-loop turn go out in
// one write. When the file reaches the disk is a setting (INGEST_SYNC_MS):
//
// - every `syncIntervalMs` (default 100 ms), one fdatasync in the background: a 202 waits
//   only for the write to the OS. An OS crash or power loss can lose the events accepted
//   in the last interval; a crash of the app loses nothing.
// - `syncIntervalMs` 0: group commit — the 202s of a turn wait for an fdatasync that began
//   after their write. Nothing answered 202 is lost to a power loss either, but each answer
//   waits for the disk: 0.2 ms on an idle disk, 30–130 ms measured while Postgres scanned
//   for 200 dashboards on the same disk.
//
// Once Postgres has committed a flush, the segments it covers are deleted.

export type DurableCallback = (error: Error | null) => void;
export type ClosedSegment = { file: string; lastSeq: number };
export type SpoolOptions = { syncIntervalMs: number };

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
  /** Group commit: written to the current segment, waiting for the next fdatasync. */
  private unsynced: DurableCallback[] = [];
  /** Bytes written to the current segment since the last fdatasync began. */
  private dirty = false;
  private syncing = false;
  private syncTimer: NodeJS.Timeout | null = null;
  private writeScheduled = false;
  /** A failed write may have left half a line: the next write starts on a new line. */
  private torn = false;
  private committedSeq = 0;
  private onIdle: (() => void) | null = null;
  private closing = false;
  private syncs = 0;

  private constructor(
    readonly dir: string,
    /** Names this spool in Postgres (ingest_spool_marks has one row per spool directory). */
    readonly id: string,
    private readonly options: SpoolOptions,
  ) {}

  /** Opens (creating if needed) the spool in `dir`; its id survives restarts. New segments start with the first append. */
  static open(dir: string, options: SpoolOptions = { syncIntervalMs: 100 }): Spool {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new Spool(dir, readOrCreateId(dir), options);
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

  /**
   * Calls back once everything appended so far is written (with group commit: on disk), with
   * an error if it could not be written.
   */
  whenDurable(callback: DurableCallback): void {
    const groupCommit = this.options.syncIntervalMs === 0;
    const waiting = this.pending.length > 0 || (groupCommit && (this.dirty || this.syncing || this.unsynced.length > 0));
    if (!waiting) return callback(null);
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

  /** For operators and tests: segments on disk (closed or current), completed fdatasyncs. */
  stats(): { segments: number; syncs: number } {
    return { segments: this.closed.length + (this.current === null ? 0 : 1), syncs: this.syncs };
  }

  /** Writes what is queued, syncs and closes the file; what Postgres has is deleted. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.syncTimer !== null) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.flushPending();
    if (this.syncing) await new Promise<void>((resolve) => (this.onIdle = resolve));
    const current = this.current;
    if (current !== null && this.dirty) fdatasyncSync(current.fd);
    this.dirty = false;
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
        this.dirty = true;
        segment.lastSeq = lastSeq;
      } catch (error) {
        console.error(`[spool] write failed: ${(error as Error).message}`);
        for (const callback of callbacks) callback(error as Error);
        return;
      }
    }
    if (this.options.syncIntervalMs > 0) {
      // In the OS's hands: a crash of this process can no longer lose it.
      for (const callback of callbacks) callback(null);
      this.armSyncTimer();
      return;
    }
    if (callbacks.length === 0) return;
    this.unsynced.push(...callbacks);
    if (!this.syncing) this.startSync();
  }

  private armSyncTimer(): void {
    if (this.syncTimer !== null || !this.dirty || this.closing) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      if (!this.syncing) this.startSync();
      else this.armSyncTimer();
    }, this.options.syncIntervalMs);
    this.syncTimer.unref();
  }

  // One fdatasync of the current segment, covering every byte written to it so far; the
  // group-commit callbacks waiting for it are answered when it returns.
  private startSync(): void {
    const segment = this.current;
    const callbacks = this.unsynced;
    this.unsynced = [];
    if (segment === null || !this.dirty) {
      for (const callback of callbacks) callback(null);
      return;
    }
    this.syncing = true;
    this.dirty = false;
    fdatasync(segment.fd, (error) => {
      this.syncing = false;
      this.syncs++;
      if (error) console.error(`[spool] fdatasync failed: ${error.message}`);
      for (const callback of callbacks) callback(error);
      if (this.unsynced.length > 0) return this.startSync();
      if (this.options.syncIntervalMs > 0) this.armSyncTimer();
      this.onIdle?.();
      this.onIdle = null;
    });
  }

  // The segment to write to: the current one, or a new one when there is none, or it is full
  // and no fdatasync runs on it (so that one sync never has to cover two files).
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

  // Closes the current segment (never while a sync runs on it). Its last writes may not be
  // on disk yet (interval mode): they are synced in the background before the file closes.
  private rotate(): void {
    const current = this.current;
    if (current === null) return;
    this.current = null;
    if (current.bytes > 0) this.closed.push({ file: current.file, lastSeq: current.lastSeq });
    else unlinkSync(current.file);
    if (!this.dirty) return closeSync(current.fd);
    this.dirty = false;
    fdatasync(current.fd, (error) => {
      if (error) console.error(`[spool] fdatasync failed: ${error.message}`);
      closeSync(current.fd);
    });
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
