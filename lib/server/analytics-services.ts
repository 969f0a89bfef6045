import path from "node:path";
import { checkTrafficAlerts } from "@/lib/alerts/check-traffic-alerts";
import { drainIngestion, startIngestion } from "@/lib/analytics/ingest/lifecycle";
import { rotateSalts } from "@/lib/analytics/ingest/salts";
import type { AggregatesRefresh } from "@/lib/analytics/analytics-store";
import { closeAnalyticsStore, getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { retryFlushNow } from "@/lib/analytics/store/flusher";
import { sendTrialNotices } from "@/lib/billing/trial-notices";
import { checkUsageOfSites, type UsageWatchResult } from "@/lib/billing/usage-watch";
import { getEnv } from "@/lib/config/env";
import { requestReportRun } from "@/lib/reports/schedule";

// The analytics background work of one app instance: the ingestion pipeline (its spool,
// replay and caches; lib/server/http-server.ts serves /api/event), rollup
// refreshes every ROLLUP_INTERVAL_SECONDS for the days its writer touched (refreshRollups,
// each followed by the usage check of the sites it refreshed: lib/billing/usage-watch.ts),
// the daily salt rotation, the hourly trial e-mails (lib/billing/trial-notices.ts), the
// request for an e-mail report pass every REPORTS_INTERVAL_SECONDS (a queued job:
// lib/reports/schedule.ts) and the traffic spike alerts (lib/alerts/check-traffic-alerts.ts:
// every instance checks; each alert's hour is claimed once).

const SALT_ROTATION_MS = 60 * 60 * 1000; // hourly; deleting salts older than 2 days is idempotent
const TRIAL_NOTICES_MS = 60 * 60 * 1000; // hourly; each e-mail is claimed once

let timers: NodeJS.Timeout[] = [];

/** `dataDir` holds the ingestion spool (<dataDir>/spool); `log` is for operators. */
export async function startAnalyticsServices(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const store = await getAnalyticsStore();
  store.onRecovered(retryFlushNow);
  await startIngestion({ spoolDir: path.join(options.dataDir, "spool"), log: options.log });
  await store.recoverAggregates(); // pre-aggregates a crash may have left stale
  await rotateSalts();
  const env = getEnv();
  const seconds = (n: number) => n * 1000;
  timers = [
    setInterval(() => void runQuietly("rollup refresh", () => refreshRollups()), seconds(env.ROLLUP_INTERVAL_SECONDS)),
    setInterval(() => void runQuietly("salt rotation", () => rotateSalts()), SALT_ROTATION_MS),
    setInterval(() => void runQuietly("trial e-mails", () => sendTrialNotices()), TRIAL_NOTICES_MS),
    setInterval(() => void runQuietly("e-mail reports", () => requestReportRun()), seconds(env.REPORTS_INTERVAL_SECONDS)),
    setInterval(() => void runQuietly("traffic alerts", () => checkTrafficAlerts()), seconds(env.ALERTS_INTERVAL_SECONDS)),
  ];
  for (const timer of timers) timer.unref();
  void runQuietly("rollup refresh", () => refreshRollups());
  void runQuietly("trial e-mails", () => sendTrialNotices());
  void runQuietly("e-mail reports", () => requestReportRun());
}

/**
 * Refreshes the rollups of the days written since the last pass, then checks the usage of
 * the accounts owning the sites it refreshed (usage is counted from the rollups, so new
 * pageviews count from then on). The app's rollup timer and its shutdown run this.
 */
export async function refreshRollups(now = new Date()): Promise<AggregatesRefresh & { usage: UsageWatchResult }> {
  const refreshed = await (await getAnalyticsStore()).refreshAggregates(now);
  return { ...refreshed, usage: await checkUsageOfSites(refreshed.siteIds, now) };
}

/** Postgres is back after a crash: write what waited instead of finishing the back-off. */
export function onDatabaseRestarted(): void {
  retryFlushNow();
}

/** Writes every accepted event, then brings the rollups up to date. */
export async function stopAnalyticsServices(): Promise<void> {
  for (const timer of timers) clearInterval(timer);
  timers = [];
  await runQuietly("ingestion drain", drainIngestion);
  await runQuietly("final rollup refresh", () => refreshRollups());
  await runQuietly("analytics store close", closeAnalyticsStore);
}

async function runQuietly(what: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
