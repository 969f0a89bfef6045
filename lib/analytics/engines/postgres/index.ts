import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { markDaysWithoutPageFilterRows, markRecentDaysDirty, rebuildSiteRollups, refreshDirtyRollups } from "@/lib/analytics/rollups";
import { markWrittenDays, writeWithRecovery } from "@/lib/analytics/store/write-with-recovery";
import { bulkInsert } from "./bulk-insert";
import { deleteSites } from "./delete-sites";
import { withPageFilterRows } from "./page-filter-gaps";
import { breakdown } from "./queries/breakdown";
import { countEvents } from "./queries/count-events";
import { goalConversions } from "./queries/goal-conversions";
import { hasAnyEvent } from "./queries/has-any-event";
import { pageviewsBySite } from "./queries/pageviews-by-site";
import { realtimeVisitors } from "./queries/realtime-visitors";
import { timeseries } from "./queries/timeseries";
import { totals } from "./queries/totals";
import { readSite } from "./read-site";
import { readSpoolMark } from "./read-spool-mark";

// The Postgres engine: events and visits in the app's own database, one transaction a
// flush (rows and spool watermark together), rollup tables (daily_stats, hourly_stats)
// refreshed for the days each write touched, and filtered views computed from raw rows.
// Its pools are the app's (lib/db/pool.ts), opened and closed with it.

export function createPostgresStore(): AnalyticsStore {
  return {
    engine: "postgres",
    flushAtEvents: 5_000,
    open: async () => undefined,
    close: async () => undefined,
    // The embedded Postgres's restarts reach the writer through lib/server/boot.ts (onDatabaseRestarted).
    onRecovered: () => undefined,
    async write(batch, spoolId) {
      const outcome = await writeWithRecovery(batch, spoolId);
      markWrittenDays(outcome.keys);
      return outcome;
    },
    readSpoolMark,
    refreshAggregates: (now) => refreshDirtyRollups(now.getTime()),
    recoverAggregates: async () => {
      await markRecentDaysDirty();
      await markDaysWithoutPageFilterRows();
    },
    rebuildSite: async (site) => {
      await rebuildSiteRollups(site.id);
    },
    finishBulkLoads: async () => {},
    totals: async (q, range) => totals(await withPageFilterRows(q, range), range),
    timeseries: async (q) => timeseries(await withPageFilterRows(q)),
    breakdown: async (q, dimension, options) => breakdown(await withPageFilterRows(q), dimension, options),
    goalConversions: async (q, goals) => goalConversions(await withPageFilterRows(q), goals),
    realtimeVisitors,
    hasAnyEvent,
    pageviewsBySite,
    countEvents,
    deleteSites,
    bulkInsert,
    readSite,
  };
}
