import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { RenderAdmission } from "./render-admission";

// The bookkeeping of render admission: how many run at once, which ones do not count
// (waiting for a heavy query), and that a client who left is never rendered for. The loop's
// lateness and utilization are left out here (limits out of reach): they depend on the machine.

const limits = { maxActive: 3, maxInFlight: 5, lagLimitMs: Infinity, utilizationLimit: Infinity, maxWaitMs: 60_000 };

function fakeRequest(admission: RenderAdmission, url = "/sites/example.com?country=DE", accept = "text/html", bodyArrived = true) {
  const req = { method: "GET", url, headers: { accept }, complete: bodyArrived } as unknown as IncomingMessage & { complete: boolean };
  const answer: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const res = Object.assign(new EventEmitter(), {
    destroyed: false,
    writeHead: (status: number, headers: Record<string, string>) => Object.assign(answer, { status, headers }),
    end: (body: string) => Object.assign(answer, { body }),
  }) as unknown as ServerResponse & { destroyed: boolean };
  const state = { heavyReadsPending: 0, heavyReadsSince: 0 };
  let started = false;
  let finish: () => void = () => {};
  const done = admission.admit(req, res, state, () => {
    started = true;
    return new Promise<void>((resolve) => (finish = resolve));
  });
  return { req, res, state, done, answer, started: () => started, finish: () => finish() };
}

describe("render admission", () => {
  it("runs at most three active renders, and does not count one that waits for a heavy query", async () => {
    const admission = new RenderAdmission(limits);
    const requests = Array.from({ length: 5 }, () => fakeRequest(admission));
    expect(requests.map((r) => r.started())).toEqual([true, false, false, false, false]); // one at once, then one a tick
    await expect.poll(() => admission.state().active).toBe(3);
    expect(requests.map((r) => r.started())).toEqual([true, true, true, false, false]);
    expect(admission.state()).toMatchObject({ running: 3, waiting: 2 });

    const waitsForScan = requests[1];
    if (waitsForScan) waitsForScan.state.heavyReadsPending = 1;
    await expect.poll(() => requests[3]?.started()).toBe(true);
    expect(admission.state()).toMatchObject({ running: 4, active: 3, waiting: 1 });

    requests[0]?.finish();
    await expect.poll(() => requests[4]?.started()).toBe(true);
    for (const r of requests) r.finish();
    await Promise.all(requests.map((r) => r.done));
    expect(admission.state()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("drops a waiting request whose client left, and never holds static files", async () => {
    const admission = new RenderAdmission(limits);
    const busy = Array.from({ length: 3 }, () => fakeRequest(admission));
    await expect.poll(() => admission.state().active).toBe(3);
    const leaves = fakeRequest(admission);
    const stays = fakeRequest(admission);
    leaves.res.destroyed = true;
    leaves.res.emit("close");
    await leaves.done; // settles without rendering

    const asset = fakeRequest(admission, "/_next/static/chunks/app.js");
    expect(asset.started()).toBe(true);

    busy[0]?.finish();
    await expect.poll(() => stays.started()).toBe(true);
    expect(leaves.started()).toBe(false);
    for (const r of [...busy, stays, asset]) r.finish();
    await Promise.all([...busy, stays, asset].map((r) => r.done));
  });

  it("does not count a render whose request body is still arriving (a slow client's form post)", async () => {
    const admission = new RenderAdmission(limits);
    const slowPosts = Array.from({ length: 3 }, () => fakeRequest(admission, "/login", "text/html", false));
    await expect.poll(() => admission.state().running).toBe(3);
    expect(admission.state().active).toBe(0);
    const page = fakeRequest(admission);
    await expect.poll(() => page.started()).toBe(true);

    const arrived = slowPosts[0];
    if (arrived) arrived.req.complete = true;
    expect(admission.state()).toMatchObject({ running: 4, active: 2 });
    for (const r of [...slowPosts, page]) r.finish();
    await Promise.all([...slowPosts, page].map((r) => r.done));
  });

  it("frees the place of a render whose response is over, even if its handler never settles", async () => {
    const admission = new RenderAdmission({ ...limits, maxActive: 1 });
    const hangs = fakeRequest(admission);
    const next = fakeRequest(admission);
    await expect.poll(() => admission.state()).toMatchObject({ running: 1, waiting: 1 });
    expect(admission.longRunning(0)).toEqual([{ method: "GET", path: "/sites/example.com", ms: expect.any(Number) }]);

    hangs.res.emit("close"); // answered, or its client left; the handler's promise stays pending
    await expect.poll(() => next.started()).toBe(true);
    expect(admission.state()).toMatchObject({ running: 1, active: 1, waiting: 0 });
    next.finish();
    await next.done;
    expect(admission.state().running).toBe(0);
  });

  it("answers a plain 'busy' 503 with Retry-After to a request that could not start in time", async () => {
    const admission = new RenderAdmission({ ...limits, maxActive: 1, maxWaitMs: 50 });
    const running = fakeRequest(admission);
    const page = fakeRequest(admission);
    const api = fakeRequest(admission, "/api/v1/stats/aggregate?site_id=example.com", "*/*");
    await Promise.all([page.done, api.done]);
    expect(page.started() || api.started()).toBe(false);
    expect(page.answer).toMatchObject({ status: 503, headers: { "retry-after": "1", "content-type": "text/html; charset=utf-8" } });
    expect(page.answer.body).toContain("Try again");
    expect(api.answer).toMatchObject({ status: 503, headers: { "retry-after": "1" } });
    expect(JSON.parse(api.answer.body ?? "")).toEqual({ error: { code: "busy", message: "MiniStat is very busy right now. Please try again in a moment." } });
    running.finish();
    await running.done;
  });
});
