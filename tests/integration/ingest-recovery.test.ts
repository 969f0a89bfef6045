import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { setMaxBufferedEvents } from "@/lib/analytics/store/flusher";
import { getIngestionStats } from "@/lib/analytics/store/flusher";
import { getPool } from "@/lib/db/pool";

// Accepted events survive a failing Postgres, and nothing a flush meets can block
// ingestion for good. Failures are produced inside the real database by a trigger that
// refuses rows of one test site only, so the real write path (and its retries) runs.

const CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36";

let ingest: IngestionServer;
let userId: string;

function send(domain: string, path: string): Promise<number> {
  return sendFull(domain, path).then((reply) => reply.status);
}

function sendFull(domain: string, path: string): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "text/plain", "user-agent": CHROME };
    const req = http.request(ingest.url, { method: "POST", headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ n: "pageview", u: `https://${domain}${path}`, d: domain }));
  });
}

async function createSite(): Promise<{ siteId: string; domain: string }> {
  const siteId = `site-${randomUUID()}`;
  const domain = `recovery-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
  return { siteId, domain };
}

async function storedPaths(siteId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ pathname: string }>("SELECT pathname FROM events WHERE site_id = $1 ORDER BY id", [siteId]);
  return rows.map((row) => row.pathname);
}

/** Makes Postgres refuse inserts into events for `siteId` (those matching `condition`) with `sqlState`; returns the undo. */
async function refuseEvents(siteId: string, sqlState: string, condition = "true"): Promise<() => Promise<void>> {
  const fn = `ingest_test_refuse_${randomUUID().replace(/-/g, "")}`;
  const literal = siteId.replace(/'/g, "''");
  await getPool().query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.site_id = '${literal}' AND ${condition} THEN RAISE EXCEPTION 'refused by test' USING ERRCODE = '${sqlState}'; END IF;
      RETURN NEW;
    END $$`);
  await getPool().query(`CREATE TRIGGER ${fn} BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  // ALWAYS: the flush skips ordinary triggers where it may (session_replication_role, write-batch.ts).
  await getPool().query(`ALTER TABLE events ENABLE ALWAYS TRIGGER ${fn}`);
  return async () => {
    await getPool().query(`DROP TRIGGER ${fn} ON events`);
    await getPool().query(`DROP FUNCTION ${fn}()`);
  };
}

beforeAll(async () => {
  userId = `user-${randomUUID()}`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
  ingest = await startIngestionServer();
  // The flusher logs each failure; keep the test output readable.
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterAll(async () => {
  await drainIngestion();
  await ingest.close();
  vi.restoreAllMocks();
});

describe("flush failures", () => {
  it("keep the events while Postgres refuses them and write them once it accepts again", async () => {
    const { siteId, domain } = await createSite();
    const undo = await refuseEvents(siteId, "40001"); // serialization failure: a transient error
    try {
      for (const path of ["/one", "/two", "/three"]) expect(await send(domain, path)).toBe(202);
      await expect(drainIngestion(800)).rejects.toThrow(/timed out with 3 events unwritten/);
      expect(getIngestionStats().buffered).toBe(3);
      expect(await storedPaths(siteId)).toEqual([]);
    } finally {
      await undo();
    }
    await drainIngestion();
    expect(await storedPaths(siteId)).toEqual(["/one", "/two", "/three"]);
    const { rows } = await getPool().query("SELECT pageviews FROM visits WHERE site_id = $1", [siteId]);
    expect(rows).toEqual([{ pageviews: 3 }]);
    const stats = getIngestionStats();
    expect(stats.buffered).toBe(0);
    expect(stats.stored + stats.discarded).toBe(stats.accepted);
  });

  it("drop only the one row Postgres can never hold, and write the rest of its batch", async () => {
    const { siteId, domain } = await createSite();
    const undo = await refuseEvents(siteId, "22023", "NEW.pathname = '/poison'");
    const discardedBefore = getIngestionStats().discarded;
    try {
      for (const path of ["/ok-1", "/poison", "/ok-2", "/ok-3"]) await send(domain, path);
      await drainIngestion();
    } finally {
      await undo();
    }
    expect(await storedPaths(siteId)).toEqual(["/ok-1", "/ok-2", "/ok-3"]);
    expect(getIngestionStats().discarded - discardedBefore).toBe(1);
    // The failure is logged, the refused event's content is not.
    const logged = vi.mocked(console.error).mock.calls.flat().map(String);
    expect(logged.some((line) => line.includes("refused by test"))).toBe(true);
    expect(logged.filter((line) => line.includes("/poison") || line.includes(domain))).toEqual([]);
  });

  it("discard the events of a site deleted after they were accepted, and write the others", async () => {
    const doomed = await createSite();
    const kept = await createSite();
    await send(doomed.domain, "/before-delete");
    await getPool().query("DELETE FROM sites WHERE id = $1", [doomed.siteId]);
    // Still in the in-memory site list for up to 10 s: accepted, then dropped at the flush.
    await send(doomed.domain, "/after-delete");
    await send(kept.domain, "/kept");
    const discardedBefore = getIngestionStats().discarded;
    await drainIngestion();
    expect(await storedPaths(kept.siteId)).toEqual(["/kept"]);
    expect(await storedPaths(doomed.siteId)).toEqual([]);
    expect(getIngestionStats().discarded - discardedBefore).toBe(2);
    expect(getIngestionStats().buffered).toBe(0);
  });

  it("answer 503 with Retry-After once the buffer is full, instead of growing without bound", async () => {
    const { siteId, domain } = await createSite();
    const undo = await refuseEvents(siteId, "40001");
    setMaxBufferedEvents(3);
    const overloadedBefore = getIngestionStats().overloaded;
    try {
      for (const path of ["/1", "/2", "/3"]) expect(await send(domain, path)).toBe(202);
      const refused = await sendFull(domain, "/4");
      expect(refused).toMatchObject({ status: 503, retryAfter: "5" });
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "unavailable" } });
      expect(getIngestionStats().overloaded - overloadedBefore).toBe(1);
    } finally {
      await undo();
      setMaxBufferedEvents();
    }
    await drainIngestion();
    expect(await send(domain, "/5")).toBe(202);
    await drainIngestion();
    expect(await storedPaths(siteId)).toEqual(["/1", "/2", "/3", "/5"]);
  });
});
