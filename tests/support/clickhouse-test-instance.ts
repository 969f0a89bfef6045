import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";

// A throwaway embedded ClickHouse with the engine's migrations applied, opened the way the app
// opens it (client.ts: a supervised engine process), for tests of the ClickHouse engine's
// parts. Closing it removes its data.

export async function startTestClickHouse(): Promise<ClickHouse> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ministat-ch-test-"));
  const ch = await openClickHouse({ dataDir: dir });
  return {
    ...ch,
    async close() {
      await ch.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
