import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClickHouse, type OpenClickHouse } from "@/lib/analytics/engines/clickhouse/client";
import { ClickHouseTimeoutError } from "@/lib/analytics/engines/clickhouse/errors";
import { isAlive, waitForExit } from "@/lib/analytics/engines/clickhouse/data-dir-lock";
import { applyClickHouseMigrations, readMigrations } from "@/lib/analytics/engines/clickhouse/migrate";
import { freePort } from "../support/free-port";
import { waitFor } from "../support/wait-for";

// The ClickHouse engine's connection on the real embedded engine (chdb, in its own process):
// migrations applied once, bound parameters that survive hostile values, errors that leave
// the engine working, a killed engine restarted with its data, a close that waits for calls.

const HOSTILE = `it's "quoted" \\ back\\slash {x:String} '); DROP TABLE events; --\nsecond line\ttab ü`;
const SLOW_QUERY = "SELECT sleepEachRow(0.1) FROM numbers(20) SETTINGS max_block_size = 1"; // 2 s in the engine

const tempDirs: string[] = [];
function tempDir(prefix = "ministat-ch-client-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function event(siteId: string, pathname: string) {
  const ts = "2026-11-30 10:00:00.000";
  return { site_id: siteId, ts, name: "pageview", visitor_id: "1", visit_id: "2", pathname, visit_started_at: ts, entry_page: pathname, source: "Direct / None", channel: "direct", browser: "Firefox", os: "Linux", device: "desktop" };
}

describe("embedded ClickHouse", () => {
  const dataDir = tempDir();
  const logs: string[] = [];
  let ch: OpenClickHouse;

  beforeAll(async () => {
    ch = await openClickHouse({ dataDir, log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await ch?.close();
  });

  it("applies the migrations on the first open only", async () => {
    const migrations = await readMigrations();
    const statements = migrations.reduce((n, m) => n + m.statements.length, 0);
    expect(logs).toContain(`Applied ClickHouse migrations: ${migrations.map((m) => m.version).join(", ")}`);
    const [before] = await ch.query<{ n: number }>("SELECT toUInt32(count()) AS n FROM schema_migrations");
    expect(before).toEqual({ n: statements });

    await ch.close();
    logs.length = 0;
    ch = await openClickHouse({ dataDir, log: (line) => logs.push(line) });
    expect(logs.filter((line) => line.startsWith("Applied"))).toEqual([]);
    expect(await ch.query("SELECT toUInt32(count()) AS n FROM schema_migrations")).toEqual([before]);
  });

  it("applies a new migration's statements once, and refuses an applied file that was changed", async () => {
    const dir = tempDir("ministat-ch-migrations-");
    const file = path.join(dir, "0001_test_change.sql");
    writeFileSync(file, "-- a table\nCREATE TABLE IF NOT EXISTS migrated (x UInt8) ENGINE = Memory;\nINSERT INTO migrated VALUES (1);\n");
    expect(await applyClickHouseMigrations(ch, dir)).toEqual({ applied: ["0001_test_change"] });
    expect(await applyClickHouseMigrations(ch, dir)).toEqual({ applied: [] });
    expect(await ch.query("SELECT x FROM migrated")).toEqual([{ x: 1 }]);

    writeFileSync(file, "-- comments may change\nCREATE TABLE IF NOT EXISTS migrated (x UInt8) ENGINE = Memory;\nINSERT INTO migrated VALUES (1);\n");
    expect(await applyClickHouseMigrations(ch, dir)).toEqual({ applied: [] });
    writeFileSync(file, "CREATE TABLE IF NOT EXISTS migrated (x UInt8) ENGINE = Memory;\nINSERT INTO migrated VALUES (2);\n");
    await expect(applyClickHouseMigrations(ch, dir)).rejects.toThrow("0001_test_change.sql was changed after it was applied");
    expect(await ch.query("SELECT x FROM migrated")).toEqual([{ x: 1 }]);
  });

  it("0006 rebuilds the events of an older schema in country order, with their rows, and the view writes visit_pages again", async () => {
    // The schema as 0005 left it: events in the old order, the view on them.
    const statementsOf = async (version: string) => (await readMigrations()).find((m) => m.version === version)!.statements;
    await ch.command("DROP TABLE visit_pages_from_events");
    await ch.command("DROP TABLE events");
    await ch.command((await statementsOf("0001_events_visits")).find((sql) => sql.includes("CREATE TABLE IF NOT EXISTS events"))!);
    await ch.command((await statementsOf("0005_visit_pages")).find((sql) => sql.startsWith("CREATE MATERIALIZED VIEW"))!);
    await ch.command("DELETE FROM schema_migrations WHERE version = '0006_events_by_country'");
    await ch.insert("events", [event("upgrade-site", "/old-1"), { ...event("upgrade-site", "/old-2"), country: "DE" }]);

    expect(await applyClickHouseMigrations(ch)).toEqual({ applied: ["0006_events_by_country"] });
    const [table] = await ch.query<{ statement: string }>("SHOW CREATE TABLE events");
    expect(table!.statement).toContain("ORDER BY (site_id, toDate(ts), country, visit_id, ts)");
    const paths = "SELECT pathname FROM events WHERE site_id = 'upgrade-site' ORDER BY pathname";
    expect(await ch.query(paths)).toEqual([{ pathname: "/old-1" }, { pathname: "/old-2" }]);

    await ch.insert("events", [event("upgrade-site", "/new")]);
    expect(await ch.query(paths)).toEqual([{ pathname: "/new" }, { pathname: "/old-1" }, { pathname: "/old-2" }]);
    const viewed = await ch.query("SELECT DISTINCT pathname FROM visit_pages WHERE site_id = 'upgrade-site' ORDER BY pathname");
    expect(viewed).toEqual([{ pathname: "/new" }, { pathname: "/old-1" }, { pathname: "/old-2" }]);
  });

  it("0007 rebuilds the visits of an older schema in country order, with their rows, and a visit's versions still replace one another", async () => {
    const statementsOf = async (version: string) => (await readMigrations()).find((m) => m.version === version)!.statements;
    await ch.command("DROP TABLE visits");
    await ch.command((await statementsOf("0001_events_visits")).find((sql) => sql.includes("CREATE TABLE IF NOT EXISTS visits"))!);
    await ch.command("DELETE FROM schema_migrations WHERE version = '0007_visits_by_country'");
    const at = "2026-11-30 10:00:00.000";
    const visit = (visitId: string, pageviews: number, country: string | null) => ({
      site_id: "upgrade-site", visit_id: visitId, visitor_id: "1", started_at: at, ended_at: at, entry_page: "/", exit_page: "/", pageviews, events: 0,
      pages: ["/"], event_names: [], source: "Direct / None", channel: "direct", country, browser: "Firefox", os: "Linux", device: "desktop", version: pageviews,
    });
    await ch.insert("visits", [visit("1", 1, "DE"), visit("2", 1, null)]);

    expect(await applyClickHouseMigrations(ch)).toEqual({ applied: ["0007_visits_by_country"] });
    const [table] = await ch.query<{ statement: string }>("SHOW CREATE TABLE visits");
    expect(table!.statement).toContain("ORDER BY (site_id, toDate(started_at), country, visit_id)");
    await ch.insert("visits", [visit("1", 3, "DE"), visit("2", 2, null)]);
    const newest = "SELECT toString(visit_id) AS id, pageviews FROM visits FINAL WHERE site_id = 'upgrade-site' ORDER BY id";
    expect(await ch.query(newest)).toEqual([{ id: "1", pageviews: 3 }, { id: "2", pageviews: 2 }]);
  });

  it("gives a migration statement longer than the query timeout, and queries the query timeout again", async () => {
    const dir = tempDir("ministat-ch-slow-migration-");
    writeFileSync(path.join(dir, "0001_slow.sql"), `${SLOW_QUERY};\n`);
    const slow = await openClickHouse({ dataDir: tempDir(), queryTimeoutMs: 1_000, migrationsDir: dir });
    try {
      expect(await slow.query<{ n: string }>("SELECT toString(count()) AS n FROM schema_migrations")).toEqual([{ n: "1" }]);
      await expect(slow.query(SLOW_QUERY)).rejects.toThrow(ClickHouseTimeoutError);
    } finally {
      await slow.close();
    }
  });

  it("binds a hostile value and returns it unchanged", async () => {
    await ch.insert("events", [event("hostile", HOSTILE), event("hostile", "/plain")]);
    const rows = await ch.query<{ pathname: string; echoed: string }>(
      "SELECT pathname, {v:String} AS echoed FROM events WHERE site_id = {site:String} AND pathname = {v:String}",
      { site: "hostile", v: HOSTILE },
    );
    expect(rows).toEqual([{ pathname: HOSTILE, echoed: HOSTILE }]);
    expect(await ch.query("SELECT toUInt32(count()) AS n FROM events WHERE site_id = 'hostile'")).toEqual([{ n: 2 }]);
  });

  it("rejects a bad query with ClickHouse's message and keeps working", async () => {
    await expect(ch.query("SELECT no_such_column FROM events")).rejects.toMatchObject({
      name: "ClickHouseQueryError",
      retryable: false,
      type: "UNKNOWN_IDENTIFIER",
      message: expect.stringContaining("no_such_column"),
    });
    expect(await ch.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("runs the engine below the app's CPU priority, also once restarted", async () => {
    expect(os.getPriority(ch.pid()!)).toBe(10); // CLICKHOUSE_ENGINE_NICE's default
    if (existsSync("/proc/self/autogroup")) expect(readFileSync(`/proc/${ch.pid()}/autogroup`, "utf8")).toMatch(/ nice 10\b/);
  });

  it("restarts a killed engine: calls under way reject as retryable, listeners hear of it, data intact", async () => {
    const pid = ch.pid()!;
    const restarted = new Promise<void>((resolve) => ch.onRestart(resolve));
    const underWay = ch.query(SLOW_QUERY);
    process.kill(pid, "SIGKILL");
    await expect(underWay).rejects.toMatchObject({ name: "ClickHouseUnavailableError", retryable: true });
    await expect(ch.query("SELECT 1")).rejects.toMatchObject({ name: "ClickHouseUnavailableError", retryable: true });

    await restarted;
    expect(ch.pid()).not.toBe(pid);
    expect(os.getPriority(ch.pid()!)).toBe(10);
    expect(isAlive(pid)).toBe(false);
    const rows = await ch.query<{ pathname: string }>("SELECT pathname FROM events WHERE site_id = 'hostile' AND pathname = {v:String}", { v: HOSTILE });
    expect(rows).toEqual([{ pathname: HOSTILE }]);
  });

  it("close waits for the calls under way, then refuses new ones", async () => {
    const underWay = ch.query<{ n: number }>(`SELECT toUInt32(count()) AS n FROM (${SLOW_QUERY})`);
    await ch.close();
    expect(await underWay).toEqual([{ n: 20 }]);
    await expect(ch.query("SELECT 1")).rejects.toThrow("ClickHouse is closed");
  });
});

describe("embedded ClickHouse, limits", () => {
  it("rejects a call past the timeout, then answers the next", async () => {
    const ch = await openClickHouse({ dataDir: tempDir(), queryTimeoutMs: 500 });
    try {
      await expect(ch.query(SLOW_QUERY)).rejects.toMatchObject({ name: "ClickHouseTimeoutError", retryable: true });
      expect(await ch.query("SELECT 2 AS two")).toEqual([{ two: 2 }]);
    } finally {
      await ch.close();
    }
  });

  it("inserts more rows than one chunk holds", async () => {
    const ch = await openClickHouse({ dataDir: tempDir() });
    try {
      const rows = Array.from({ length: 250_000 }, (_, i) => ({ spool_id: `s${i}`, committed_seq: i }));
      await ch.insert("spool_marks", rows);
      // 64-bit integers come back as strings (exact), smaller ones as numbers.
      expect(await ch.query("SELECT toUInt32(count()) AS n, sum(committed_seq) AS total FROM spool_marks")).toEqual([
        { n: 250_000, total: String((250_000 * 249_999) / 2) },
      ]);
    } finally {
      await ch.close();
    }
  });
});

describe("embedded ClickHouse data directory held by another process", () => {
  // An app (tests/support/clickhouse-holder.ts) holding the directory in a process of its own.
  async function startHolder(dataDir: string, mode: "idle" | "busy") {
    const holder = spawn(process.execPath, ["--import", "tsx", "tests/support/clickhouse-holder.ts", dataDir, mode], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve, reject) => {
      holder.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()));
      holder.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
    });
    return JSON.parse(line) as { app: number; engine: number };
  }

  it("refuses while a live app holds it, naming the process", async () => {
    const dataDir = tempDir();
    const holder = await startHolder(dataDir, "idle");
    try {
      await expect(openClickHouse({ dataDir })).rejects.toThrow(`in use by process ${holder.engine}`);
    } finally {
      process.kill(holder.app, "SIGKILL");
    }
    // The app killed hard: its engine notices and lets go of the directory.
    expect(await waitForExit(holder.engine, 20_000)).toBe(true);
  });

  it("opens it after the app holding it was killed, waiting for that app's engine to let go", async () => {
    const dataDir = tempDir();
    const holder = await startHolder(dataDir, "busy");
    process.kill(holder.app, "SIGKILL");
    await waitFor("the holder app to be gone", () => (isAlive(holder.app) ? undefined : true));
    const ch = await openClickHouse({ dataDir });
    try {
      expect(isAlive(holder.engine)).toBe(false);
      const [first] = await readMigrations();
      expect(await ch.query("SELECT toUInt32(count()) AS n FROM schema_migrations WHERE version = {v:String}", { v: first!.version })).toEqual([
        { n: first!.statements.length },
      ]);
    } finally {
      await ch.close();
    }
  });
});

describe("ClickHouse server", () => {
  it("reports a server that does not answer as unavailable (retryable), without the URL's password", async () => {
    const url = `http://ministat:s3cret-pw@127.0.0.1:${await freePort()}/analytics`;
    const failure = await openClickHouse({ url }).then(() => null, (error: Error) => error);
    expect(failure).toMatchObject({ name: "ClickHouseUnavailableError", retryable: true, message: expect.stringContaining("ClickHouse at 127.0.0.1:") });
    expect(failure?.message).not.toContain("s3cret-pw");
  });
});
