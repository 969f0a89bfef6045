import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// For the "integration-clickhouse" project, after tests/setup/env.ts: the engine-neutral
// integration tests again with ANALYTICS_ENGINE=clickhouse. Without CLICKHOUSE_URL the engine
// is the embedded one (chdb) under DATA_DIR, so every test process gets a fresh DATA_DIR of its
// own: chdb binds one data directory per process and locks it against other processes.
// After the file's tests the store is closed (it waits for what runs), then the folder goes.

process.env.ANALYTICS_ENGINE = "clickhouse";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ministat-it-clickhouse-"));
process.env.DATA_DIR = dataDir;

afterAll(async () => {
  try {
    // Imported here, not above: a setup file's imports load before the test file sets its own
    // environment (TRUSTED_PROXY_HOPS, Stripe …), and nothing of the app may read it earlier.
    const { closeAnalyticsStore } = await import("@/lib/analytics/get-analytics-store");
    await closeAnalyticsStore();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
