import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Three projects: "unit" tests sit beside the code and need nothing running; "integration"
// tests under tests/integration get a real Postgres (tests/setup/global-db.ts) and the default
// analytics engine (Postgres); "integration-clickhouse" runs the engine-neutral ones again on
// the ClickHouse engine. Files that test one engine's internals run once, in "integration".

/** Integration tests whose analytics go through the analytics store only: they run on both engines. */
const CLICKHOUSE_SUITE = [
  "billing-locked-account",
  "delete-analytics",
  "email-report-html",
  "email-reports",
  "ingest-fuzz",
  "ingest-http",
  "ingest-spool",
  "ingest-visits",
  "query-dashboard",
  "site-access",
  "stats-api-routes",
  "traffic-alerts",
  "usage",
];
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    // Two files at a time, of any project (CI has two cores; Vitest's default there is one):
    // integration files wait on Postgres, ClickHouse and timers most of the time. Each worker
    // has a database of its own (tests/setup/worker-database.ts).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tracker/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The engine-neutral integration tests again, on the ClickHouse analytics engine (embedded,
          // a fresh data directory per test file): the same numbers on both engines.
          name: "integration-clickhouse",
          server: { deps: { inline: ["next-auth"] } },
          include: CLICKHOUSE_SUITE.map((name) => `tests/integration/${name}.test.ts`),
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/clickhouse-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
