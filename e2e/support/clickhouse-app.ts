import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";
import { findLockHolder, waitForExit } from "@/lib/analytics/engines/clickhouse/data-dir-lock";
import { freePort } from "@/tests/support/free-port";
import { databaseUrl, startApp, type AppPorts, type AppProcess } from "./app-process";

// Operator tests of the ClickHouse analytics engine: MiniStat started as `npm start` runs it
// (app-process.ts) with ANALYTICS_ENGINE=clickhouse and the embedded engine (its data in
// <DATA_DIR>/clickhouse, in a child process of the app), a site to send events to, and the
// count of the site's events in ClickHouse, read with the app stopped (one process at a
// time opens the data directory).

export const CLICKHOUSE_ENV = { ANALYTICS_ENGINE: "clickhouse", CLICKHOUSE_URL: "" };

export type ClickHouseRun = { dataDir: string; ports: AppPorts; domain: string; siteId: string };
export type StoredEvents = { stored: number; distinct: number };

/** A fresh app on the ClickHouse engine, with one site (sites live in Postgres whatever the engine). */
export async function startClickHouseRun(): Promise<{ run: ClickHouseRun; app: AppProcess }> {
  const ports = { app: await freePort(), postgres: await freePort() };
  const dataDir = `.data/operator-ch-${randomUUID().slice(0, 8)}`;
  const app = await startApp({ dataDir, ports, env: CLICKHOUSE_ENV });
  const run = { dataDir, ports, domain: `durable-ch-${randomUUID().slice(0, 8)}.example`, siteId: `site-${randomUUID()}` };
  const db = new pg.Client({ connectionString: databaseUrl(dataDir, ports.postgres) });
  await db.connect();
  try {
    const userId = `user-${randomUUID()}`;
    await db.query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'x', $1, now())", [userId]);
    await db.query("INSERT INTO sites (id, user_id, domain) VALUES ($1, $2, $3)", [run.siteId, userId, run.domain]);
  } finally {
    await db.end();
  }
  return { run, app };
}

/** The site's events in ClickHouse, and how many distinct (spool_id, seq) they carry. Only with the app stopped. */
export async function storedClickHouseEvents(run: ClickHouseRun): Promise<StoredEvents> {
  const ch = await openClickHouse({ dataDir: run.dataDir });
  const pid = ch.pid();
  try {
    const [row] = await ch.query<{ stored: string; distinct_events: string }>(
      "SELECT count() AS stored, uniqExact(spool_id, seq) AS distinct_events FROM events WHERE site_id = {site:String}",
      { site: run.siteId },
    );
    const stored = { stored: Number(row?.stored ?? 0), distinct: Number(row?.distinct_events ?? 0) };
    test.info().annotations.push({ type: "stored", description: `${stored.stored} events, ${stored.distinct} distinct (spool_id, seq)` });
    return stored;
  } finally {
    await ch.close();
    if (pid !== null) await waitForExit(pid, 15_000); // it lets go of the directory before the clean-up
  }
}

/** Every accepted event once; beyond them, at most `unanswered` events whose 202 died with the app. */
export function expectEachAcceptedEventOnce({ stored, distinct }: StoredEvents, accepted: number, unanswered = 0): void {
  expect(distinct, "no event is stored twice").toBe(stored);
  expect(stored, "every accepted event is stored").toBeGreaterThanOrEqual(accepted);
  expect(stored, "nothing beyond the requests in flight when the app went").toBeLessThanOrEqual(accepted + unanswered);
}

/** The embedded engine's process: it holds the data directory's lock. */
export async function enginePid(run: ClickHouseRun): Promise<number> {
  const holder = await findLockHolder(path.join(run.dataDir, "clickhouse"));
  expect(holder?.command, "the engine process holds the data directory").toContain("embedded-host");
  return holder!.pid;
}

/** SIGTERM: the app writes every accepted event, closes the engine and exits 0. */
export async function stopApp(app: AppProcess): Promise<void> {
  process.kill(app.pid, "SIGTERM");
  expect(await app.exited).toEqual({ code: 0, signal: null });
}

/** After a failure too: no app (and so no Postgres or engine of it) outlives the test. */
export async function cleanUpRun(run: ClickHouseRun, ...apps: AppProcess[]): Promise<void> {
  for (const app of apps) {
    try {
      process.kill(app.pid, "SIGTERM");
    } catch {
      // exited already
    }
    await app.exited;
  }
  rmSync(run.dataDir, { recursive: true, force: true });
}
