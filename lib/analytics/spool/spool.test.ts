import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listSegments, readSegment } from "./segment-files";
import { Spool } from "./spool";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ministat-spool-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const durable = (spool: Spool) => new Promise<Error | null>((resolve) => spool.whenDurable(resolve));
const line = (seq: number) => JSON.stringify([1, seq, "s"]);
const segmentLines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean);

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the ingestion spool", () => {
  it("with group commit, has a turn's lines written and synced, in order, when it calls back", async () => {
    const spool = Spool.open(dir, { syncIntervalMs: 0 });
    for (let seq = 1; seq <= 3; seq++) spool.append(seq, line(seq));
    expect(await durable(spool)).toBeNull();
    expect(spool.stats().syncs).toBe(1); // one fdatasync for the turn's three lines
    const [file] = await listSegments(dir);
    expect(segmentLines(file!)).toEqual([line(1), line(2), line(3)]);
    await spool.close();
  });

  it("with a sync interval, calls back once the lines are written, and syncs them within the interval", async () => {
    const spool = Spool.open(dir, { syncIntervalMs: 20 });
    spool.append(1, line(1));
    spool.append(2, line(2));
    expect(await durable(spool)).toBeNull();
    const [file] = await listSegments(dir);
    expect(segmentLines(file!)).toEqual([line(1), line(2)]);
    await until(() => spool.stats().syncs === 1, "the background fdatasync ran");
    await spool.close();
    expect(spool.stats().syncs).toBe(1); // nothing new was written since
  });

  it("calls back at once when nothing waits", () => {
    const spool = Spool.open(dir, { syncIntervalMs: 0 });
    let called = false;
    spool.whenDurable(() => (called = true));
    expect(called).toBe(true);
  });

  it("keeps its id across restarts, and a new directory gets another", async () => {
    const first = Spool.open(dir);
    expect(first.id).toMatch(/^[0-9a-f]{16}$/);
    expect(Spool.open(dir).id).toBe(first.id);
    const other = mkdtempSync(path.join(tmpdir(), "ministat-spool-"));
    try {
      expect(Spool.open(other).id).not.toBe(first.id);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("deletes its file at close when Postgres has committed everything, and keeps it otherwise", async () => {
    const committed = Spool.open(dir);
    committed.append(1, line(1));
    await durable(committed);
    committed.committed(1);
    await committed.close();
    expect(await listSegments(dir)).toEqual([]);

    const behind = Spool.open(dir);
    behind.append(2, line(2));
    behind.append(3, line(3));
    await durable(behind);
    behind.committed(2);
    await behind.close();
    const files = await listSegments(dir);
    expect(files).toHaveLength(1);
    expect((await readSegment(files[0]!)).records).toEqual([]); // test lines are not full records
    expect(segmentLines(files[0]!)).toEqual([line(2), line(3)]);
  });

  it("skips a torn last line and counts damaged ones when reading", async () => {
    const file = path.join(dir, "000000000000001.spool");
    writeFileSync(file, `not json\n${line(2)}`);
    const contents = await readSegment(file);
    expect(contents.unreadable).toBe(1);
    expect(contents.records).toEqual([]);
  });

  it("names segments by their first seq and lists them in that order", async () => {
    const spool = Spool.open(dir);
    spool.append(7, line(7));
    await durable(spool);
    await spool.close();
    const again = Spool.open(dir);
    again.append(12, line(12));
    await durable(again);
    await again.close();
    const names = readdirSync(dir).filter((n) => n.endsWith(".spool")).sort();
    expect(names).toEqual(["000000000000007.spool", "000000000000012.spool"]);
    expect((await listSegments(dir)).map((f) => path.basename(f))).toEqual(names);
  });
});
