import pg from "pg";
import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import { generateTraffic, type TrafficOptions } from "./generate";
import { StoreTrafficWriter } from "./store-writer";
import { TrafficWriter } from "./writer";

// Replaces one site's analytics data with a generated month of traffic: deletes its
// visits, events and rollups, writes the new rows in bulk, lets Postgres analyse them,
// and rebuilds the site's rollups. Shared by `npm run seed:demo` and `npm run bench`.
// With `store` of another engine (ClickHouse), the rows go through that store instead:
// its deleteSites, bulkInsert and rebuildSite.

export type SeedOptions = Omit<TrafficOptions, "domain" | "timezone"> & {
  databaseUrl: string;
  /** The analytics store to fill; Postgres (the database at databaseUrl) when absent. */
  store?: AnalyticsStore;
  site: { id: string; domain: string; timezone: string };
  onProgress?: (progress: SeedProgress) => void;
};

export type SeedProgress =
  /** A slow step under way: once at its start, then every few seconds with the time so far. */
  | { phase: "clear" | "analyze" | "rollups"; done: false; elapsedMs: number }
  /** events: written so far; generated: made so far (ahead of the writes by a batch or two). */
  | { phase: "write"; events: number; generated: number; visits: number; target: number; elapsedMs: number }
  | { phase: "clear" | "analyze" | "rollups"; done: true; ms: number };

export type SeedResult = {
  visits: number;
  events: number;
  pageviews: number;
  customEvents: number;
  /** Generating and inserting the rows. */
  writeMs: number;
  /** Rows (events) per second while writing. */
  eventsPerSecond: number;
  clearMs: number;
  analyzeMs: number;
  rollupMs: number;
  totalMs: number;
};

const PROGRESS_EVERY_MS = 2_000;

export async function seedSiteTraffic(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  try {
    const store = options.store?.engine === "postgres" ? undefined : options.store;
    const clearMs = await timed(report, "clear", () => (store ? store.deleteSites([options.site.id]) : clearSite(admin, options.site.id)));

    const writer = store ? new StoreTrafficWriter(store, options.site.id) : new TrafficWriter({ databaseUrl: options.databaseUrl, siteId: options.site.id });
    const counts = { visits: 0, pageviews: 0, customEvents: 0 };
    const writeStarted = performance.now();
    let lastReport = writeStarted;
    try {
      await generateTraffic({ ...options, domain: options.site.domain, timezone: options.site.timezone }, (visit) => {
        counts.visits++;
        counts.pageviews += visit.pageviews;
        counts.customEvents += visit.customEvents;
        const now = performance.now();
        if (now - lastReport > PROGRESS_EVERY_MS) {
          lastReport = now;
          const generated = counts.pageviews + counts.customEvents;
          report({ phase: "write", events: writer.written.events, generated, visits: writer.written.visits, target: options.pageviews, elapsedMs: now - writeStarted });
        }
        return writer.add(visit);
      });
      await writer.finish();
    } catch (error) {
      await writer.close();
      throw error;
    }
    const writeMs = performance.now() - writeStarted;
    const events = counts.pageviews + counts.customEvents;
    report({ phase: "write", events, generated: events, visits: counts.visits, target: options.pageviews, elapsedMs: writeMs });

    // Fresh rows: statistics for the planner, and the visibility map for index-only scans
    // (what autovacuum would do a little later in production).
    const analyzeMs = store ? 0 : await timed(report, "analyze", () => admin.query("VACUUM (ANALYZE) visits, events"));
    const rollupMs = await timed(report, "rollups", async () => {
      if (!store) return rebuildSiteRollups(options.site.id);
      await store.rebuildSite(options.site);
      await store.finishBulkLoads();
    });
    if (!store) await admin.query("ANALYZE daily_stats, daily_filter_stats, hourly_stats");

    return {
      ...counts,
      events,
      writeMs: Math.round(writeMs),
      eventsPerSecond: Math.round(events / (writeMs / 1000)),
      clearMs,
      analyzeMs,
      rollupMs,
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    await admin.end();
  }
}

async function clearSite(db: pg.Client, siteId: string): Promise<void> {
  for (const table of ["events", "visits", "daily_stats", "daily_filter_stats", "hourly_stats"]) {
    await db.query(`DELETE FROM ${table} WHERE site_id = $1`, [siteId]);
  }
}

const STILL_RUNNING_EVERY_MS = 15_000;

async function timed(report: (p: SeedProgress) => void, phase: "clear" | "analyze" | "rollups", work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  report({ phase, done: false, elapsedMs: 0 });
  const still = setInterval(() => report({ phase, done: false, elapsedMs: performance.now() - started }), STILL_RUNNING_EVERY_MS);
  try {
    await work();
  } finally {
    clearInterval(still);
  }
  const ms = Math.round(performance.now() - started);
  report({ phase, done: true, ms });
  return ms;
}
