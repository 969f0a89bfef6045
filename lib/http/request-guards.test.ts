import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinForwardedHost, refuseCrossSiteWrite, refuseForeignHost, type HostPolicy } from "./request-guards";

// The checks in front of Next.js, on a real node:http server: in production another Host is
// refused; a write from another origin is refused; a client's X-Forwarded-Host never reaches Next.

const production: HostPolicy = { appHost: "ministat.example", appUrlConfigured: true, requireAppHost: true };
const localDev: HostPolicy = { appHost: "localhost:3000", appUrlConfigured: false, requireAppHost: false };

let policy = production;
let server: Server;
let port = 0;

beforeAll(async () => {
  // What the guards let through answers 200 with the X-Forwarded-Host Next.js would see.
  server = createServer((req, res) => {
    if (refuseForeignHost(req, res, policy) || refuseCrossSiteWrite(req, res, policy)) return;
    pinForwardedHost(req, policy);
    res.end(JSON.stringify({ forwardedHost: req.headers["x-forwarded-host"] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, headers: Record<string, string>, path = "/login"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("in production (APP_URL https://ministat.example)", () => {
  it("refuses any other Host with 400, whatever the method", async () => {
    policy = production;
    for (const method of ["GET", "POST"]) {
      const response = await send(method, { host: "evil.example", "x-forwarded-host": "ministat.example" });
      expect(response.status, method).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: "unknown_host" } });
    }
    expect((await send("GET", { host: "MiniStat.example" })).status, "host names are case-insensitive").toBe(200);
  });

  it("refuses a write whose Origin is another site (403) and lets a same-site one through", async () => {
    policy = production;
    for (const origin of ["https://evil.example", "null", "not a url", "https://ministat.example.evil.example"]) {
      expect((await send("POST", { host: "ministat.example", origin })).status, origin).toBe(403);
    }
    expect((await send("POST", { host: "ministat.example", origin: "https://ministat.example" })).status).toBe(200);
    expect((await send("POST", { host: "ministat.example" })).status, "no Origin: not a browser's cross-site request").toBe(200);
    expect((await send("GET", { host: "ministat.example", origin: "https://evil.example" })).status, "reads are not refused").toBe(200);
  });

  it("lets a webmail's one-click unsubscribe through: that route is authenticated by its token, not by our cookies", async () => {
    policy = production;
    const unsubscribe = await send("POST", { host: "ministat.example", origin: "https://mail.example" }, "/reports/unsubscribe/abc.def");
    expect(unsubscribe.status).toBe(200);
    expect((await send("POST", { host: "ministat.example", origin: "https://mail.example" }, "/reports/confirm/abc")).status, "confirming is not").toBe(403);
  });

  it("hands Next.js APP_URL's host as X-Forwarded-Host, never the client's", async () => {
    policy = production;
    const response = await send("GET", { host: "ministat.example", "x-forwarded-host": "evil.example" });
    expect(JSON.parse(response.body)).toEqual({ forwardedHost: "ministat.example" });
  });
});

describe("in local development without APP_URL", () => {
  it("answers any Host, compares Origin with Host, and drops a client's X-Forwarded-Host", async () => {
    policy = localDev;
    expect(JSON.parse((await send("GET", { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" })).body)).toEqual({ forwardedHost: null });
    expect((await send("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).status).toBe(200);
    expect((await send("POST", { host: "127.0.0.1:3000", origin: "http://evil.example" })).status).toBe(403);
  });
});
