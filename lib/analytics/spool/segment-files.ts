import { closeSync, fsyncSync, openSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeRecord, type SpoolRecord } from "./record";

// A spool directory holds segment files named after the seq of their first line
// (`000000000000123.spool`), so that listing them in name order is reading in seq order.

const SUFFIX = ".spool";

export function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(15, "0")}${SUFFIX}`;
}

/** The segment files of a spool directory, oldest first. */
export async function listSegments(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => /^\d{15}\.spool$/.test(name)).sort().map((name) => path.join(dir, name));
}

export type SegmentContents = { records: SpoolRecord[]; unreadable: number };

/**
 * Every complete, valid line of a segment. A torn last line (the process died mid-write) is
 * expected and skipped; `unreadable` counts lines that are neither (a damaged disk).
 */
export async function readSegment(file: string): Promise<SegmentContents> {
  const text = await readFile(file, "utf8");
  const lines = text.split("\n");
  lines.pop(); // after the last newline: "" when the last write completed, else a torn line
  const records: SpoolRecord[] = [];
  let unreadable = 0;
  for (const line of lines) {
    if (line === "") continue;
    const record = decodeRecord(line);
    if (record === null) unreadable++;
    else records.push(record);
  }
  return { records, unreadable };
}

/** Makes a created or deleted file's directory entry durable (a new segment must survive a power loss). */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
