import { expect, test } from "@playwright/test";
import { startApp, type AppProcess } from "../support/app-process";
import {
  CLICKHOUSE_ENV,
  cleanUpRun,
  enginePid,
  expectEachAcceptedEventOnce,
  startClickHouseRun,
  stopApp,
  storedClickHouseEvents,
  type ClickHouseRun,
} from "../support/clickhouse-app";
import { sendEventLoad, type LoadCount } from "../support/event-load";

// The zero-loss promise on the ClickHouse analytics engine (ANALYTICS_ENGINE=clickhouse, the
// embedded engine in its supervised child process): the real server under 50 concurrent
// connections for 10 s is stopped, killed, or loses its engine process 5 s in; afterwards
// ClickHouse holds every event answered 202, and none twice (each (spool_id, seq) once).
//
// "Accepted" counts the 202s the load received. Where every request gets its answer, stored ==
// accepted exactly: when the engine is killed (the app stays up) and on SIGTERM (the server
// answers the requests under way before the drain). A kill -9 of the app may come after an
// event reached the spool file and before its 202 left: the replay stores it, uncounted. Each
// connection has one request in flight, so there are at most `concurrency` such events.

const LOAD = { concurrency: 50, seconds: 10 };
const HIT_AT_MS = 5_000;

test.describe.configure({ mode: "serial", timeout: 300_000 });

/** Load for 10 s; `hit` runs 5 s in. */
async function loadWith(run: ClickHouseRun, app: AppProcess, hit: () => unknown): Promise<LoadCount> {
  const load = sendEventLoad({ url: app.url, domain: run.domain, ...LOAD });
  await new Promise((resolve) => setTimeout(resolve, HIT_AT_MS));
  await hit();
  const count = await load;
  test.info().annotations.push({ type: "load", description: `202 (storable): ${count.accepted}; statuses: ${JSON.stringify(count.statuses)}` });
  expect(count.accepted).toBeGreaterThan(1_000); // the server really was under load before the hit
  return count;
}

test("SIGTERM to the process group writes every accepted event to ClickHouse before the app exits", async () => {
  const { run, app } = await startClickHouseRun();
  try {
    const { accepted } = await loadWith(run, app, () => process.kill(-app.pid, "SIGTERM"));
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // ClickHouse alone, without the app (and so without a replay): the drain wrote everything.
    expectEachAcceptedEventOnce(await storedClickHouseEvents(run), accepted);
  } finally {
    await cleanUpRun(run, app);
  }
});

test("kill -9 of the app loses nothing on ClickHouse: the next start replays its spool, and writes nothing twice", async () => {
  const { run, app } = await startClickHouseRun();
  const apps = [app];
  try {
    const { accepted } = await loadWith(run, app, () => process.kill(app.pid, "SIGKILL"));
    expect((await app.exited).signal).toBe("SIGKILL");
    const restarted = await startApp({ dataDir: run.dataDir, ports: run.ports, env: CLICKHOUSE_ENV });
    apps.push(restarted);
    const replayed = await restarted.waitForOutput(/Replayed \d+ accepted event/, 10_000);
    test.info().annotations.push({ type: "replay", description: replayed });
    await stopApp(restarted);
    expectEachAcceptedEventOnce(await storedClickHouseEvents(run), accepted, LOAD.concurrency);
  } finally {
    await cleanUpRun(run, ...apps);
  }
});

test("kill -9 of the embedded ClickHouse under load: ingestion keeps answering 202, the engine restarts, every event is stored once", async () => {
  const { run, app } = await startClickHouseRun();
  try {
    const killed = await enginePid(run);
    const load = await loadWith(run, app, () => process.kill(killed, "SIGKILL"));
    const back = await app.waitForOutput(/ClickHouse \(embedded\) is running again after/, 60_000);
    test.info().annotations.push({ type: "engine restart", description: back });
    expect(await enginePid(run), "a new engine process").not.toBe(killed);
    expect(Object.keys(load.statuses), "every request answered 202 while the engine was away").toEqual(["202"]);
    await stopApp(app);
    expectEachAcceptedEventOnce(await storedClickHouseEvents(run), load.accepted);
  } finally {
    await cleanUpRun(run, app);
  }
});
