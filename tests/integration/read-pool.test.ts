import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closePool, getReadPool, getRollupPool, getWritePool } from "@/lib/db/pool";

// The pools as Postgres sees them: named connections, the read statement timeout on the
// read pool only, and read and rollup backends at a lower CPU priority, without parallel
// workers (the test database is local).

process.env.READ_STATEMENT_TIMEOUT_SECONDS = "7";

afterAll(() => closePool());

/** The nice value of a process, from /proc/<pid>/stat (the 19th field). */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("the connection pools", () => {
  it("name their connections, give only reads a statement timeout, and reads and rollups a lower priority", async () => {
    const read = await getReadPool().connect();
    const write = await getWritePool().connect();
    const rollup = await getRollupPool().connect();
    try {
      const settings = async (client: typeof read) =>
        (
          await client.query<{ app: string; timeout: string; workers: string; pid: number }>(
            "SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout, current_setting('max_parallel_workers_per_gather') AS workers, pg_backend_pid() AS pid",
          )
        ).rows[0];
      const r = await settings(read);
      const w = await settings(write);
      const u = await settings(rollup);
      expect(r).toMatchObject({ app: "ministat-read", timeout: "7s", workers: "0" });
      expect(w).toMatchObject({ app: "ministat-write", timeout: "0" });
      expect(u).toMatchObject({ app: "ministat-rollup", timeout: "0", workers: "0" });
      expect(niceOf(r?.pid ?? 0)).toBe(10);
      expect(niceOf(w?.pid ?? 0)).toBe(0);
      expect(niceOf(u?.pid ?? 0)).toBe(10);
    } finally {
      read.release();
      write.release();
      rollup.release();
    }
  });
});
