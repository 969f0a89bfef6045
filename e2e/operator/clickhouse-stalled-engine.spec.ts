import { expect, test } from "@playwright/test";
import type { AppProcess } from "../support/app-process";
import { cleanUpRun, enginePid, expectEachAcceptedEventOnce, startClickHouseRun, stopApp, storedClickHouseEvents, type ClickHouseRun } from "../support/clickhouse-app";
import { sendEventLoad } from "../support/event-load";
import { DESKTOP_CHROME } from "../support/tracked-site";

// An embedded ClickHouse that stops answering (SIGSTOP: a hung engine, a stalled disk) while
// 50 connections send events: the app keeps accepting into its buffer until the buffer limit
// (200,000 events), then answers 503 with Retry-After instead of growing without bound. The
// engine stays stopped past the engine's call timeout (30 s), so the writer retries an insert
// whose outcome it does not know. Once the engine runs again, ingestion answers 202 again, and
// every event answered 202 is stored exactly once.

const LOAD = { concurrency: 50, seconds: 60 };
const STOP_AT_MS = 2_000;
const STALL_MS = 35_000; // beyond the engine's 30 s call timeout

test.describe.configure({ timeout: 240_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One tracker request for the site, as a browser sends it. */
function probe(run: ClickHouseRun, app: AppProcess): Promise<Response> {
  const body = JSON.stringify({ n: "pageview", u: `https://${run.domain}/probe`, d: run.domain, r: null, w: 1280 });
  return fetch(`${app.url}/api/event`, { method: "POST", body, headers: { "content-type": "text/plain", "user-agent": DESKTOP_CHROME } });
}

test("a stalled engine: ingestion buffers up to its limit, answers 503 with Retry-After, and once the engine is back stores every accepted event once", async () => {
  const { run, app } = await startClickHouseRun();
  const engine = await enginePid(run);
  let acceptedProbes = 0;
  /** Probes every 250 ms until the app answers `status`; the 202s count as accepted events. */
  const probeUntil = async (status: number, deadline: number): Promise<Response> => {
    for (;;) {
      const response = await probe(run, app);
      if (response.status === 202) acceptedProbes++;
      if (response.status === status) return response;
      await response.body?.cancel();
      if (Date.now() > deadline) throw new Error(`ingestion did not answer ${status} in time (last answer ${response.status})`);
      await sleep(250);
    }
  };
  try {
    const load = sendEventLoad({ url: app.url, domain: run.domain, ...LOAD });
    const loadEnds = Date.now() + LOAD.seconds * 1000;
    await sleep(STOP_AT_MS);
    process.kill(engine, "SIGSTOP");
    const stoppedAt = Date.now();
    try {
      const full = await probeUntil(503, loadEnds);
      test.info().annotations.push({ type: "buffer full", description: `first 503 ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after the engine stopped` });
      expect(full.headers.get("retry-after")).toBe("5");
      expect(await full.json()).toMatchObject({ error: { code: "unavailable" } });
      await sleep(stoppedAt + STALL_MS - Date.now());
    } finally {
      process.kill(engine, "SIGCONT");
    }
    const resumedAt = Date.now();
    await (await probeUntil(202, loadEnds)).body?.cancel();
    test.info().annotations.push({ type: "recovered", description: `202 again ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after the engine resumed` });
    const count = await load;
    test.info().annotations.push({ type: "load", description: `202 (storable): ${count.accepted} + ${acceptedProbes} probes; statuses: ${JSON.stringify(count.statuses)}` });
    expect(Object.keys(count.statuses).sort(), "every request answered 202 or 503").toEqual(["202", "503"]);
    await stopApp(app);
    expectEachAcceptedEventOnce(await storedClickHouseEvents(run), count.accepted + acceptedProbes);
  } finally {
    await cleanUpRun(run, app);
  }
});
