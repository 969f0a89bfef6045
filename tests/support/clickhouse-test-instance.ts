import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@clickhouse/client";
import { createChdbConnection } from "chdb/connection";
import type { ClickHouse, QueryParams } from "@/lib/analytics/engines/clickhouse/clickhouse";

// A throwaway embedded ClickHouse (chdb, in this process) with the engine's migrations applied,
// for tests of the ClickHouse engine's parts. One per test process: chdb binds one data
// directory per process.

const MIGRATIONS = path.join(process.cwd(), "lib/analytics/engines/clickhouse/migrations");

export async function startTestClickHouse(): Promise<ClickHouse> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ministat-ch-test-"));
  // chdb's connection is typed against @clickhouse/client-common, which the client 1.23 bundles
  // its own copy of: the same contract, two declarations.
  const connection = createChdbConnection({ path: dir }) as unknown as NonNullable<Parameters<typeof createClient>[0]>["connection"];
  const client = createClient({ connection });
  const ch: ClickHouse = {
    async query<T>(sql: string, params: QueryParams = {}) {
      const result = await client.query({ query: sql, query_params: params, format: "JSONEachRow" });
      return (await result.json()) as T[];
    },
    async command(sql: string, params: QueryParams = {}) {
      await client.command({ query: sql, query_params: params });
    },
    async insert(table: string, rows: readonly object[]) {
      if (rows.length > 0) await client.insert({ table, values: rows as object[], format: "JSONEachRow" });
    },
    close: () => client.close(),
  };
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql")).sort()) {
    const sql = readFileSync(path.join(MIGRATIONS, file), "utf8").replace(/--.*$/gm, "");
    for (const statement of sql.split(";").map((s) => s.trim()).filter(Boolean)) await ch.command(statement);
  }
  return ch;
}
