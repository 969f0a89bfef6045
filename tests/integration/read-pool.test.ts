import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closePool, getReadPool, getWritePool } from "@/lib/db/pool";

// The pools as Postgres sees them: named connections, the read statement timeout on the
// read pool only, and read backends at a lower CPU priority (the test database is local).

process.env.READ_STATEMENT_TIMEOUT_SECONDS = "7";

afterAll(() => closePool());

/** The nice value of a process, from /proc/<pid>/stat (the 19th field). */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("the connection pools", () => {
  it("name their connections and give only reads a statement timeout and a lower priority", async () => {
    const read = await getReadPool().connect();
    const write = await getWritePool().connect();
    try {
      const settings = async (client: typeof read) =>
        (await client.query<{ app: string; timeout: string; pid: number }>("SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout, pg_backend_pid() AS pid")).rows[0];
      const r = await settings(read);
      const w = await settings(write);
      expect(r).toMatchObject({ app: "ministat-read", timeout: "7s" });
      expect(w).toMatchObject({ app: "ministat-write", timeout: "0" });
      expect(niceOf(r?.pid ?? 0)).toBe(10);
      expect(niceOf(w?.pid ?? 0)).toBe(0);
    } finally {
      read.release();
      write.release();
    }
  });
});
