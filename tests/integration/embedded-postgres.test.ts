import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { backendsOf } from "@/lib/db/embedded/orphaned-backends";
import { freePort } from "@/tests/support/free-port";

// The embedded Postgres is ours to stop: it installs no signal handlers in our process,
// runs outside our process group (a Ctrl-C or a group SIGTERM reaches our shutdown only),
// and comes back by itself when it dies.

const dataDir = `.data/embedded-test-${process.pid}`;
let db: EmbeddedDatabase;
let listenersBefore: Record<string, number>;
const restarts: string[] = [];

const processGroup = (pid: number) => Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)], { encoding: "utf8" }).trim());

beforeAll(async () => {
  listenersBefore = Object.fromEntries(["SIGINT", "SIGTERM", "SIGHUP"].map((s) => [s, process.listenerCount(s)]));
  db = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: (line) => restarts.push(line) });
});

afterAll(async () => {
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded Postgres", () => {
  it("adds no SIGINT, SIGTERM or SIGHUP handler to our process", () => {
    const now = Object.fromEntries(["SIGINT", "SIGTERM", "SIGHUP"].map((s) => [s, process.listenerCount(s)]));
    expect(now).toEqual(listenersBefore);
  });

  it("runs in a process group of its own", () => {
    const pid = db.pid();
    expect(pid).toBeGreaterThan(0);
    expect(processGroup(pid!)).not.toBe(processGroup(process.pid));
  });

  it("is started again when killed, with its data, and says so", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE survivors (n int); INSERT INTO survivors VALUES (42)");
    await client.end();

    const back = new Promise<void>((resolve) => db.onRestart(resolve));
    const old = db.pid()!;
    process.kill(old, "SIGKILL");
    await back;
    expect(db.pid()).not.toBe(old);
    expect(restarts.some((line) => /stopped unexpectedly \(SIGKILL\)/.test(line))).toBe(true);

    const again = new pg.Client({ connectionString: db.url });
    await again.connect();
    expect((await again.query("SELECT n FROM survivors")).rows).toEqual([{ n: 42 }]);
    await again.end();
  });

  it("ends a backend that a long statement keeps alive after the postmaster was killed, and starts again at once", async () => {
    const busy = new pg.Client({ connectionString: db.url });
    await busy.connect();
    busy.on("error", () => {}); // its server goes away under it
    const pid = (await busy.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    // CPU-bound, with no wait in which a backend would notice its postmaster's death.
    const statement = busy.query("SELECT count(*) FROM generate_series(1, 2000000000)").catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    const back = new Promise<void>((resolve) => db.onRestart(resolve));
    process.kill(db.pid()!, "SIGKILL");
    await back;
    expect(Date.now() - started).toBeLessThan(15_000); // the statement alone would run for minutes
    expect(restarts.some((line) => /ended \d+ process(es)? left of the dead server/.test(line))).toBe(true);
    expect(await backendsOf(`${dataDir}/pg`)).not.toContain(pid);
    expect(await statement).toBeInstanceOf(Error);
    await busy.end().catch(() => {});

    const again = new pg.Client({ connectionString: db.url });
    await again.connect();
    expect((await again.query("SELECT n FROM survivors")).rows).toEqual([{ n: 42 }]);
    await again.end();
  });
});
