import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainIngestion } from "@/lib/analytics/ingest/lifecycle";
import { startIngestionServer, type IngestionServer } from "@/lib/analytics/ingest/serve-ingestion";
import { getIngestionStats } from "@/lib/analytics/store/flusher";
import { getPool } from "@/lib/db/pool";
import { countStoredForAllSites, storedPaths as storedPathsOf } from "@/tests/support/stored-rows";

// The HTTP contract of POST /api/event, through a real node:http server: what a browser,
// a bot and a broken integration each get back, and what ends up stored (read back through
// the analytics store, whichever engine it is).

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const DOMAIN = `http-${randomUUID().slice(0, 8)}.example`;

let ingest: IngestionServer;
let siteId: string;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(options: { method?: string; body?: string; headers?: Record<string, string> }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(ingest.url, { method: options.method ?? "POST", headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const pageview = (path = "/", domain = DOMAIN) => JSON.stringify({ n: "pageview", u: `https://${domain}${path}`, d: domain });
const browser = { "content-type": "text/plain", "user-agent": CHROME };

async function storedPaths(): Promise<string[]> {
  await drainIngestion();
  return storedPathsOf(siteId);
}

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

describe("POST /api/event", () => {
  it("answers 202 with an empty body and open CORS, and stores the event", async () => {
    const reply = await send({ body: pageview("/accepted"), headers: browser });
    expect(reply).toMatchObject({ status: 202, body: "" });
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    expect(await storedPaths()).toContain("/accepted");
  });

  it("accepts application/json and the www. variant of the domain", async () => {
    const body = JSON.stringify({ n: "pageview", u: `https://www.${DOMAIN}/json`, d: `www.${DOMAIN}` });
    const reply = await send({ body, headers: { ...browser, "content-type": "application/json; charset=utf-8" } });
    expect(reply.status).toBe(202);
    expect(await storedPaths()).toContain("/json");
  });

  it("answers the CORS preflight", async () => {
    const reply = await send({ method: "OPTIONS", headers: { origin: "https://customer.example", "access-control-request-method": "POST" } });
    expect(reply.status).toBe(204);
    expect(reply.headers).toMatchObject({
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "Content-Type",
      "access-control-max-age": "86400",
    });
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])("refuses %s with 405 and Allow", async (method) => {
    const reply = await send({ method, headers: browser });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("POST, OPTIONS");
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it.each([
    ["not JSON", "{nope", "body must be valid JSON"],
    ["an array", "[1,2]", "body must be a JSON object"],
    ["no name", JSON.stringify({ u: `https://${DOMAIN}/`, d: DOMAIN }), "n (event name) is required"],
    ["a relative URL", JSON.stringify({ n: "pageview", u: "/x", d: DOMAIN }), "u (page URL) must be an absolute"],
    ["no domain", JSON.stringify({ n: "pageview", u: `https://${DOMAIN}/` }), "d (domain) is required"],
    ["an empty body", "", "body must be valid JSON"],
  ])("answers 400 invalid_event with a readable message for %s", async (_label, body, message) => {
    const reply = await send({ body, headers: browser });
    expect(reply.status).toBe(400);
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    const parsed = JSON.parse(reply.body) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe("invalid_event");
    expect(parsed.error.message).toContain(message);
  });

  it("answers 415 for a content type the tracker never sends", async () => {
    const reply = await send({ body: pageview("/form"), headers: { ...browser, "content-type": "application/x-www-form-urlencoded" } });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "unsupported_media_type" } });
  });

  it("answers 413 for a declared body over 8 KB without reading it", async () => {
    const body = JSON.stringify({ n: "pageview", u: `https://${DOMAIN}/big`, d: DOMAIN, p: { text: "x".repeat(8_200) } });
    const reply = await send({ body, headers: browser });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "body_too_large" } });
    expect(await storedPaths()).not.toContain("/big");
  });

  it("answers 413 mid-upload for a chunked body that grows past 8 KB, before the upload ends", async () => {
    const status = await new Promise<{ status: number; chunksSent: number }>((resolve, reject) => {
      let chunksSent = 0;
      const req = http.request(ingest.url, { method: "POST", headers: { ...browser, "transfer-encoding": "chunked" }, agent: false }, (res) => {
        clearInterval(pump);
        res.resume();
        resolve({ status: res.statusCode ?? 0, chunksSent });
      });
      req.on("error", (error) => (chunksSent > 0 ? undefined : reject(error)));
      // 1 KB every 10 ms, up to 1 MB: the answer must come long before the end.
      const pump = setInterval(() => {
        if (chunksSent >= 1024) return clearInterval(pump);
        req.write("x".repeat(1024));
        chunksSent++;
      }, 10);
    });
    expect(status.status).toBe(413);
    expect(status.chunksSent).toBeLessThan(100);
  });

  it("drops bots silently: 202, nothing stored", async () => {
    const bots = [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "curl/8.5.0",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
    ];
    const before = getIngestionStats().dropped;
    for (const [i, ua] of bots.entries()) {
      const reply = await send({ body: pageview(`/bot-${i}`), headers: { ...browser, "user-agent": ua } });
      expect(reply).toMatchObject({ status: 202, body: "" });
    }
    const noUa = await send({ body: pageview("/bot-none"), headers: { "content-type": "text/plain" } });
    expect(noUa.status).toBe(202);
    expect((await storedPaths()).filter((path) => path.startsWith("/bot-"))).toEqual([]);
    expect(getIngestionStats().dropped - before).toBe(bots.length + 1);
  });

  it("drops unknown domains silently: 202, nothing stored anywhere", async () => {
    const unknown = `unknown-${randomUUID().slice(0, 8)}.example`;
    await drainIngestion();
    const before = { stats: getIngestionStats(), stored: await countStoredForAllSites() };
    const reply = await send({ body: pageview("/ghost", unknown), headers: browser });
    expect(reply).toMatchObject({ status: 202, body: "" });
    await drainIngestion();
    // Dropped before the writer (never accepted), and no site's events grew.
    const after = getIngestionStats();
    expect({ dropped: after.dropped - before.stats.dropped, accepted: after.accepted - before.stats.accepted }).toEqual({ dropped: 1, accepted: 0 });
    expect(await countStoredForAllSites()).toBe(before.stored);
  });

  it("counts every accepted event as stored once drained", async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => send({ body: pageview(`/burst-${i}`), headers: { ...browser, "x-forwarded-for": `198.51.100.${i}` } })));
    const paths = await storedPaths();
    expect(paths.filter((path) => path.startsWith("/burst-"))).toHaveLength(50);
    const stats = getIngestionStats();
    expect(stats.buffered).toBe(0);
    expect(stats.stored).toBe(stats.accepted);
  });
});
