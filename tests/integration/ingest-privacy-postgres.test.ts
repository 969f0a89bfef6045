import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Client IP = the last X-Forwarded-For entry (one trusted proxy). Set before anything reads the environment.
process.env.TRUSTED_PROXY_HOPS = "1";

import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { getPool } from "@/lib/db/pool";
import { countStored } from "@/tests/support/stored-rows";

// Postgres engine only: neither the IP address nor the user agent is in any column of the
// events and visits tables — whole rows as text, so a column the store's read contract does
// not return (StoredVisit, StoredEvent) is checked too. The engine-neutral check of the stored
// fields is in ingest-visits.test.ts.

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

let ingest: IngestionServer;
let siteId: string;
let domain: string;

function send(body: object, ua: string, forwardedFor: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "text/plain", "user-agent": ua, "x-forwarded-for": forwardedFor };
    const req = http.request(ingest.url, { method: "POST", headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  const userId = `user-${randomUUID()}`;
  siteId = `site-${randomUUID()}`;
  domain = `privacy-${randomUUID().slice(0, 8)}.example`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, domain]);
  ingest = await startIngestionServer();
});

afterAll(async () => {
  await drainIngestion();
  await ingest.close();
});

describe("privacy of the Postgres analytics tables", () => {
  it("keeps neither the IP address nor the user agent in any column of events or visits", async () => {
    const ua = `${CHROME} Marker/${randomUUID()}`;
    const ip = "2a00:1450:4001:80e::200e";
    const berlin = "130.149.0.1";
    // The client wrote a fake address first; only the entry our proxy appended counts.
    expect(await send({ n: "pageview", u: `https://${domain}/?utm_source=mail`, d: domain, r: "https://news.ycombinator.com/item?id=1" }, ua, `10.9.9.9, ${ip}`)).toBe(202);
    expect(await send({ n: "Signup", u: `https://${domain}/`, d: domain, p: { plan: "pro" } }, ua, `10.9.9.9, ${berlin}`)).toBe(202);
    await drainIngestion();
    expect(await countStored(siteId)).toBe(2);
    for (const table of ["events", "visits"]) {
      // The whole row as text: every column, JSON included, whatever its type.
      for (const needle of [ip, ua, "Marker/", berlin, "10.9.9.9"]) {
        const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text ILIKE '%' || $1 || '%'`, [needle]);
        expect(rows[0], `${table} contains ${needle}`).toEqual({ n: 0 });
      }
    }
  });
});
