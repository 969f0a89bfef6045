import { defineConfig, devices } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/support/assert-local-database";
import { E2E_BASE_URL } from "./e2e/support/e2e-env";

// End-to-end tests in Chromium against a throw-away MiniStat (scripts/e2e-server.ts: fresh
// embedded Postgres under .data/e2e, fake Mailjet on :3901). Run: npx playwright test

// Checked when the config loads, before the web server starts.
assertLocalDatabase();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // two cores: the app, Postgres and the browser share them
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/`,
    timeout: 600_000, // the first start builds the app (about two minutes)
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server stop its embedded Postgres instead of leaving it running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
