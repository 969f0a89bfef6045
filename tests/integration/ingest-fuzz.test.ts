import { randomUUID } from "node:crypto";
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.TRUSTED_PROXY_HOPS = "1";

import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { getIngestionStats } from "@/lib/analytics/store/flusher";
import { getPool } from "@/lib/db/pool";
import { storedPaths } from "@/tests/support/stored-rows";

// Random and malformed requests thrown at the running handler: whatever arrives, the
// answer is one of the documented 2xx/4xx, the process survives, and a valid event sent
// afterwards is still stored.

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const DOMAIN = `fuzz-${randomUUID().slice(0, 8)}.example`;
const DOCUMENTED = new Set([202, 204, 400, 405, 413, 415]);

let ingest: IngestionServer;
let siteId: string;

type Request = { method: string; path: string; headers: Record<string, string>; body: string };

function send(request: Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(ingest.url);
    const req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    // An oversized upload is answered 413 and the connection closed under it; the client
    // can see that as a reset before it reads the answer. Anything else is a real failure.
    req.on("error", (error) => (Buffer.byteLength(request.body) > 8192 ? resolve(413) : reject(error)));
    req.end(request.body);
  });
}

// Header values as Node's client allows them (no CR/LF or other controls), Latin-1 included.
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 300 });

const ip = fc.oneof(fc.ipV4(), fc.ipV6(), headerValue);
const forwardedFor = fc.oneof(fc.array(ip, { maxLength: 4 }).map((ips) => ips.join(", ")), headerValue);
const userAgent = fc.oneof(fc.constant(CHROME), fc.constant(`${CHROME} ${"x".repeat(600)}`), fc.constant("curl/8.0"), headerValue.map((s) => `Mozilla/5.0 ${s}`), headerValue);
const contentType = fc.oneof(fc.constantFrom("text/plain", "text/plain;charset=UTF-8", "application/json", "TEXT/PLAIN ; x", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"), headerValue);

// Mostly valid values with random ones mixed in: bodies near the real shape (where the
// interesting bugs are) get through the first checks; plain garbage tests the rest.
const often = <T,>(likely: fc.Arbitrary<T>, other: fc.Arbitrary<T>) => fc.oneof({ arbitrary: likely, weight: 3 }, { arbitrary: other, weight: 1 });
const fieldValue = fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 70 }), fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 1 })), { maxKeys: 35 }));
const pageUrl = fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.replace(/^(https?:\/\/)[^/?#]+/, `$1${DOMAIN}`));
const nearEvent = fc
  .record({
    n: often(fc.constantFrom("pageview", "Signup", "Download"), fc.oneof(fc.constantFrom("", " ", "\u0000"), fieldValue)),
    u: often(pageUrl, fieldValue),
    d: often(fc.constantFrom(DOMAIN, `WWW.${DOMAIN.toUpperCase()}`), fc.oneof(fc.constantFrom("münchen.de", "a..b", "-x.com"), fieldValue)),
    r: fieldValue,
    w: fieldValue,
    p: often(fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }), fieldValue),
  }, { requiredKeys: [] })
  .map((event) => JSON.stringify(event));
const body = often(nearEvent, fc.oneof(fc.json(), fc.string({ maxLength: 2000 }), fc.string({ unit: "binary", maxLength: 500 }), fc.constant("{".repeat(5000)), fc.constant(`"${"a".repeat(9000)}"`)));

const path = fc.oneof(fc.constant("/api/event"), fc.webPath().map((p) => `/api/event${encodeURI(p)}`), fc.webQueryParameters().map((q) => `/api/event?${encodeURI(q)}`));

const request: fc.Arbitrary<Request> = fc.record({
  method: often(fc.constant("POST"), fc.constantFrom("OPTIONS", "GET", "PUT", "DELETE", "PATCH")),
  path,
  body,
  headers: fc.record({ "content-type": often(fc.constant("text/plain"), contentType), "user-agent": often(fc.constant(CHROME), userAgent), "x-forwarded-for": forwardedFor }, { requiredKeys: [] }),
}).map((r) => (r.method === "GET" ? { ...r, body: "" } : r));

beforeAll(async () => {
  const userId = `user-${randomUUID()}`;
  siteId = `site-${randomUUID()}`;
  await getPool().query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
  await getPool().query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [siteId, userId, DOMAIN]);
  ingest = await startIngestionServer();
});

afterAll(async () => {
  await drainIngestion();
  await ingest.close();
});

describe("POST /api/event under random input", () => {
  it("never answers 5xx or anything undocumented", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (requests) => {
        // Several at once, as real traffic arrives.
        const statuses = await Promise.all(requests.map(send));
        for (const status of statuses) expect(DOCUMENTED.has(status), `status ${status}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("still stores a valid event afterwards, and every random one that was accepted", async () => {
    const marker = `/after-fuzz-${randomUUID()}`;
    const status = await send({ method: "POST", path: "/api/event", headers: { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": "203.0.113.9" }, body: JSON.stringify({ n: "pageview", u: `https://${DOMAIN}${marker}`, d: DOMAIN }) });
    expect(status).toBe(202);
    await drainIngestion();
    expect((await storedPaths(siteId)).filter((stored) => stored === marker)).toHaveLength(1);
    // Random events that were accepted (valid, browser-like, this site's domain) were all stored.
    const stats = getIngestionStats();
    expect(stats.accepted).toBeGreaterThan(10);
    expect(stats).toMatchObject({ stored: stats.accepted, discarded: 0, buffered: 0 });
  });
});
