import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { freePort } from "@/tests/support/free-port";
import { databaseUrl, postmasterPid, startApp, type AppPorts, type AppProcess } from "../support/app-process";
import { sendEventLoad } from "../support/event-load";

// An accepted event (202) is stored, whatever happens to the process that accepted it:
// the real server (`npm start`'s entry, embedded Postgres) under 50 concurrent connections
// for 10 s is stopped or killed 5 s in, and afterwards Postgres holds at least as many of
// the site's events as were answered 202. No browser is involved.

const LOAD = { concurrency: 50, seconds: 10 };
const HIT_AT_MS = 5_000;

test.describe.configure({ mode: "serial", timeout: 300_000 });

type Run = { dataDir: string; ports: AppPorts; domain: string; siteId: string };

async function prepare(options: { viaNpm?: boolean } = {}): Promise<{ run: Run; app: AppProcess }> {
  const ports = { app: await freePort(), postgres: await freePort() };
  const dataDir = `.data/operator-${randomUUID().slice(0, 8)}`;
  const app = await startApp({ dataDir, ports, viaNpm: options.viaNpm });
  const run = { dataDir, ports, domain: `durable-${randomUUID().slice(0, 8)}.example`, siteId: `site-${randomUUID()}` };
  await withDatabase(run, async (db) => {
    const userId = `user-${randomUUID()}`;
    await db.query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
    await db.query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [run.siteId, userId, run.domain]);
  });
  return { run, app };
}

async function withDatabase<T>(run: Run, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl(run.dataDir, run.ports.postgres) });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function storedEvents(run: Run): Promise<number> {
  const stored = await withDatabase(run, async (db) => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE site_id = $1", [run.siteId])).rows[0]!.n));
  test.info().annotations.push({ type: "stored", description: String(stored) });
  return stored;
}

/** Load for 10 s; `hit` runs 5 s in. Resolves to the number of 202s for storable events. */
async function loadWith(run: Run, app: AppProcess, hit: () => unknown): Promise<number> {
  const load = sendEventLoad({ url: app.url, domain: run.domain, ...LOAD });
  await new Promise((resolve) => setTimeout(resolve, HIT_AT_MS));
  await hit();
  const { accepted, statuses } = await load;
  test.info().annotations.push({ type: "load", description: `202 (storable): ${accepted}; statuses: ${JSON.stringify(statuses)}` });
  expect(accepted).toBeGreaterThan(1_000); // the server really was under load before the hit
  return accepted;
}

function cleanUp(run: Run): void {
  rmSync(run.dataDir, { recursive: true, force: true });
}

// The whole process group (as a terminal's Ctrl-C or a service manager does), or the app alone.
const STOPS = [
  { title: "SIGTERM to the process group", stop: (app: AppProcess) => process.kill(-app.pid, "SIGTERM") },
  { title: "SIGINT to the app alone", stop: (app: AppProcess) => process.kill(app.pid, "SIGINT") },
];

for (const { title, stop } of STOPS) {
  test(`${title} writes every accepted event before Postgres stops`, async () => {
    const { run, app } = await prepare();
    const accepted = await loadWith(run, app, () => stop(app));
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // Postgres alone, without the app (and so without a replay): the drain wrote everything.
    const db = await startEmbeddedPostgres({ dataDir: run.dataDir, port: run.ports.postgres });
    try {
      expect(await storedEvents(run)).toBeGreaterThanOrEqual(accepted);
    } finally {
      await db.stop();
      cleanUp(run);
    }
  });
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const answers = (url: string) => fetch(url, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);

// npm hands a SIGTERM to the shell it runs the script in, which exits without passing it on.
test("SIGTERM to `npm start` itself stops the app too, after writing every accepted event", async () => {
  const { run, app } = await prepare({ viaNpm: true });
  const postgres = postmasterPid(run.dataDir);
  try {
    const accepted = await loadWith(run, app, () => process.kill(app.pid, "SIGTERM"));
    await app.exited;
    await expect.poll(() => answers(app.url), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => isRunning(postgres), { timeout: 30_000 }).toBe(false);
    // Where the shell execs the script instead, the SIGTERM itself reaches the app.
    expect(app.output.join("\n")).toMatch(/(The process that started MiniStat \(pid \d+\) exited|SIGTERM): stopping/);
    const db = await startEmbeddedPostgres({ dataDir: run.dataDir, port: run.ports.postgres });
    try {
      expect(await storedEvents(run)).toBeGreaterThanOrEqual(accepted);
    } finally {
      await db.stop();
    }
  } finally {
    // Had the app outlived npm: it and its Postgres (a session of its own) go by hand.
    if (isRunning(-app.pid)) process.kill(-app.pid, "SIGKILL");
    if (isRunning(postgres)) process.kill(postgres, "SIGINT");
    await expect.poll(() => isRunning(postgres), { timeout: 30_000 }).toBe(false);
    cleanUp(run);
  }
});

test("kill -9 of the app loses nothing: the next start replays its spool", async () => {
  const { run, app } = await prepare();
  const accepted = await loadWith(run, app, () => process.kill(app.pid, "SIGKILL"));
  expect((await app.exited).signal).toBe("SIGKILL");
  const restarted = await startApp({ dataDir: run.dataDir, ports: run.ports });
  try {
    await restarted.waitForOutput(/Replayed \d+ accepted event/, 10_000);
    expect(await storedEvents(run)).toBeGreaterThanOrEqual(accepted);
  } finally {
    process.kill(restarted.pid, "SIGTERM");
    await restarted.exited;
    cleanUp(run);
  }
});

test("kill -9 of the postmaster: Postgres comes back on its own and nothing accepted is lost", async () => {
  const { run, app } = await prepare();
  try {
    const accepted = await loadWith(run, app, () => process.kill(postmasterPid(run.dataDir), "SIGKILL"));
    await app.waitForOutput(/Postgres \(embedded\) is running again/, 60_000);
    await expect.poll(() => storedEvents(run), { timeout: 60_000, intervals: [250] }).toBeGreaterThanOrEqual(accepted);
  } finally {
    process.kill(app.pid, "SIGTERM");
    await app.exited;
    cleanUp(run);
  }
});
