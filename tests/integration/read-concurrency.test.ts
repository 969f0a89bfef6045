import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, resolveRange } from "@/lib/analytics/query";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { ReadBusyError } from "@/lib/analytics/query/read-errors";
import { getReadGate } from "@/lib/analytics/query/read-query";
import type { BreakdownRow, Dimension, StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { runWithContext } from "@/lib/server/request-context";
import { lockVisits, waitForReads } from "./helpers/read-activity";

// The per-account limit on heavy reads, against Postgres: one account's crowd of filtered
// views runs one scan at a time while another account's view runs beside it, and a view
// that waits longer than READ_QUEUE_SECONDS gives up with ReadBusyError instead of piling up.

process.env.HEAVY_READS = "2";
process.env.HEAVY_READS_PER_ACCOUNT = "1";
process.env.READ_QUEUE_SECONDS = "1";

let query: StatsQuery;

beforeAll(async () => {
  const { siteId } = await createSyntheticSite(getPool(), { domain: "read-concurrency.example", timezone: "Etc/UTC" });
  await insertSyntheticTraffic(getPool(), { siteId, firstDay: "2026-03-01", days: 3, visitsPerDay: 50 });
  query = { site: { id: siteId, timezone: "Etc/UTC" }, range: resolveRange({ period: "custom", from: "2026-03-01", to: "2026-03-03" }, "Etc/UTC"), filters: { event: "Signup" } }; // an event filter: always read from raw visits and events
});
afterAll(() => closePool());

/** A heavy read (a filtered breakdown) on behalf of `account`, as its request would run it. */
function readFor(account: string, dimension: Dimension): Promise<BreakdownRow[] | unknown> {
  const signal = new AbortController().signal;
  return runWithContext({ signal, account, heavyReadsPending: 0, heavyReadsSince: 0 }, () => getBreakdown(query, dimension)).catch((error: unknown) => error);
}

describe("the per-account limit on heavy reads", () => {
  it("runs one scan per account at a time, others in turn, and sends the overflow away as busy", async () => {
    const lock = await lockVisits();
    let crowd: Array<Promise<unknown>>;
    let other: Promise<unknown>;
    try {
      crowd = (["browser", "os", "device"] as const).map((d) => readFor("crowded-account", d));
      other = readFor("other-account", "country");
      // One scan of each account reaches Postgres; the crowd's other two wait in the gate.
      await waitForReads((reads) => reads.length === 2, "one read of each account");
      expect(getReadGate().stats("crowded-account")).toEqual({ running: 1, waiting: 2 });
      expect(getReadGate().stats("other-account")).toEqual({ running: 1, waiting: 0 });
      // Still locked after READ_QUEUE_SECONDS: the waiting two give up with a busy error.
      const gaveUp = await Promise.all([crowd[1], crowd[2]]);
      for (const error of gaveUp) {
        expect(error).toBeInstanceOf(ReadBusyError);
        expect((error as Error).message).toMatch(/Many statistics are being computed right now; this view waited 1 s for its turn\. Please try again/);
      }
    } finally {
      await lock.release();
    }
    // The two that held the turns answer once the lock is gone.
    expect(Array.isArray(await crowd[0])).toBe(true);
    expect(Array.isArray(await other)).toBe(true);
    expect(getReadGate().stats()).toEqual({ running: 0, waiting: 0 });
  });
});
