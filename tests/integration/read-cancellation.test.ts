import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, resolveRange } from "@/lib/analytics/query";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { ReadCancelledError } from "@/lib/analytics/query/read-errors";
import { getReadGate } from "@/lib/analytics/query/read-query";
import type { StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { runWithRequestContext } from "@/lib/server/request-context";
import { activeReads, lockVisits, waitForReads } from "./helpers/read-activity";

// A dashboard read whose client went away is cancelled in Postgres (it no longer shows in
// pg_stat_activity), and one that was still waiting for its turn never starts. The requests
// go through a real node:http server that runs its handler the way lib/server/http-server.ts
// runs Next's: inside runWithRequestContext(res, …). The reads are held up by a lock on visits.

process.env.HEAVY_READS = "3";
process.env.HEAVY_READS_PER_ACCOUNT = "1";

let query: StatsQuery;
let server: http.Server;
let base = "";
const outcomes: Array<Promise<unknown>> = [];

beforeAll(async () => {
  const { siteId } = await createSyntheticSite(getPool(), { domain: "read-cancellation.example", timezone: "Etc/UTC" });
  await insertSyntheticTraffic(getPool(), { siteId, firstDay: "2026-03-01", days: 3, visitsPerDay: 50 });
  query = { site: { id: siteId, timezone: "Etc/UTC" }, range: resolveRange({ period: "custom", from: "2026-03-01", to: "2026-03-03" }, "Etc/UTC"), filters: { event: "Signup" } }; // an event filter: always read from raw visits and events
  // GET /?dimension=… — one filtered breakdown (a heavy read) for the site's one account.
  server = http.createServer((req, res) => {
    const dimension = new URL(req.url ?? "/", "http://x").searchParams.get("dimension") === "os" ? "os" : "browser";
    const outcome = runWithRequestContext(res, () => getBreakdown(query, dimension));
    outcomes.push(outcome.catch((error: unknown) => error));
    outcome.then((rows) => res.end(JSON.stringify(rows))).catch(() => res.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await closePool();
});

/** Starts a GET and returns a function that leaves (destroys the connection) as a closed tab does. */
function openRequest(path: string): { leave: () => void; answer: Promise<number> } {
  const req = http.get(base + path);
  const answer = new Promise<number>((resolve, reject) => {
    req.once("response", (res) => {
      res.resume();
      res.once("end", () => resolve(res.statusCode ?? 0));
    });
    req.once("error", reject);
  });
  answer.catch(() => {});
  return { leave: () => req.destroy(), answer };
}

describe("cancellation when the client goes away", () => {
  it("cancels the running query in Postgres and drops the queued one", async () => {
    const lock = await lockVisits();
    try {
      const running = openRequest("/?dimension=browser");
      await waitForReads((reads) => reads.length === 1, "the first read to reach Postgres");
      // The site's account may run one heavy read at a time: the second waits in the gate.
      const queued = openRequest("/?dimension=os");
      await expect.poll(() => getReadGate().stats().waiting).toBe(1);

      queued.leave();
      await expect.poll(() => getReadGate().stats().waiting).toBe(0);
      running.leave();
      await waitForReads((reads) => reads.length === 0, "the cancelled read to leave pg_stat_activity");

      const errors = await Promise.all(outcomes.splice(0));
      expect(errors).toHaveLength(2);
      for (const error of errors) expect(error).toBeInstanceOf(ReadCancelledError);
      expect(getReadGate().stats()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await lock.release();
    }
  });

  it("leaves the reads of clients that stay alone, and they answer", async () => {
    const lock = await lockVisits();
    const stays = openRequest("/?dimension=browser");
    const leaves = openRequest("/?dimension=os");
    try {
      await waitForReads((reads) => reads.length === 1, "one read running");
      leaves.leave();
      await expect.poll(() => getReadGate().stats().waiting).toBe(0);
      expect(await activeReads()).toHaveLength(1);
    } finally {
      await lock.release();
    }
    expect(await stays.answer).toBe(200);
    const results = await Promise.all(outcomes.splice(0));
    expect(results.filter((r) => r instanceof ReadCancelledError)).toHaveLength(1);
    expect(results.filter((r) => Array.isArray(r))).toHaveLength(1);
  });
});
