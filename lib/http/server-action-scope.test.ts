import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { markServerActionStarted, runInServerActionScope } from "./server-action-scope";

// A 500 answered before the action started (Next.js could not decode the request) goes out as
// 400; once the action has started, a 500 is ours and stays a 500. Other statuses pass as they are.

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, started] = (req.url ?? "").slice(1).split("/");
    void runInServerActionScope(res, async () => {
      await new Promise((resolve) => setImmediate(resolve)); // across an async boundary, as in Next.js
      if (started === "started") markServerActionStarted();
      await Promise.resolve();
      res.statusCode = Number(status);
      res.end("body");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const statusOf = (path: string) =>
  new Promise<number>((resolve, reject) => {
    request({ host: "127.0.0.1", port, method: "POST", path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });

it("turns a 500 into a 400 only when the action never started", async () => {
  expect(await statusOf("/500/not-started")).toBe(400);
  expect(await statusOf("/500/started")).toBe(500);
  expect(await statusOf("/200/started")).toBe(200);
  expect(await statusOf("/409/not-started")).toBe(409);
});
