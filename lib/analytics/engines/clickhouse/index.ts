import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { getEnv } from "@/lib/config/env";
import { bulkInsert } from "./bulk-insert";
import { openClickHouse, type OpenClickHouse } from "./client";
import { compactAfterBulkLoad } from "./compact-tables";
import { fillFinishedDays, fillRecentDays } from "./day-rows-cache";
import { deleteSites } from "./delete-sites";
import { findSiteZones } from "./live-sites";
import { purgeDeletedSites } from "./purge-deleted-sites";
import { breakdown } from "./queries/breakdown";
import { countEvents } from "./queries/count-events";
import { goalConversions } from "./queries/goal-conversions";
import { hasAnyEvent } from "./queries/has-any-event";
import { pageviewsBySite } from "./queries/pageviews-by-site";
import { realtimeVisitors } from "./queries/realtime-visitors";
import { timeseries } from "./queries/timeseries";
import { totals } from "./queries/totals";
import { readSite } from "./read-site";
import { deleteVisitRange } from "./replace-visit-range";
import { createClickHouseWriter, type ClickHouseWriter } from "./write-batch";

// The ClickHouse engine (ANALYTICS_ENGINE=clickhouse): a server at CLICKHOUSE_URL, or the
// embedded engine with its data in <DATA_DIR>/clickhouse (client.ts). Events and visits, and
// the exact per-day rows of the days that are over (day-rows-cache.ts: filled in the
// background for the sites ingestion writes to, at once after a bulk load, else when a view
// first needs them); no rollup tables to refresh. The writer makes
// each event count once whatever the retries (write-batch.ts).

const log = (line: string) => console.log(`[clickhouse] ${line}`);

/** Where to find ClickHouse; by default CLICKHOUSE_URL, CLICKHOUSE_DATABASE and DATA_DIR. */
export type ClickHouseStoreOptions = { url?: string; database?: string; dataDir?: string };

export function createClickHouseStore(options: ClickHouseStoreOptions = {}): AnalyticsStore {
  let opened: { ch: OpenClickHouse; writer: ClickHouseWriter } | null = null;
  const recoveredListeners: Array<() => void> = [];
  /** Sites written since the last refreshAggregates: their usage is checked then. */
  const written = new Set<string>();
  /** Sites bulk-loaded since the tables' parts were last merged (finishBulkLoads). */
  const bulkLoaded = new Set<string>();
  /** Sites whose finished days are to be filled, and the fill under way (one at a time). */
  const toFill = new Set<string>();
  let filling: Promise<void> | null = null;
  // Not awaited by refreshAggregates: the app's last refresh at shutdown must not wait for a
  // fill. A fill cut short by close() is done again later (the days are marked last).
  const fillInBackground = () => {
    if (filling || toFill.size === 0 || !opened) return;
    const siteIds = [...toFill];
    toFill.clear();
    const connection = opened.ch;
    filling = findSiteZones(siteIds)
      .then((sites) => fillFinishedDays(connection, sites))
      .catch((error: unknown) => {
        if (opened) log(`filling the kept day rows failed (a view fills them when it needs them): ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        filling = null;
        fillInBackground();
      });
  };
  const ch = () => {
    if (!opened) throw new Error("the ClickHouse analytics store is not open");
    return opened.ch;
  };
  return {
    engine: "clickhouse",
    // Each insert makes a part (a flush makes four: events, the view's visit_pages, visits,
    // the spool mark), which merges then rewrite: fewer, larger inserts cost less. At
    // concurrency 50, 20,000 against 5,000: 9,532 and 9,537 against 8,500 and 8,378 events/s.
    flushAtEvents: 20_000,
    async open() {
      const env = getEnv();
      const connection = await openClickHouse({
        url: options.url ?? env.CLICKHOUSE_URL,
        database: options.database ?? env.CLICKHOUSE_DATABASE,
        dataDir: options.dataDir ?? env.DATA_DIR,
        engineNice: env.CLICKHOUSE_ENGINE_NICE,
        log,
      });
      connection.onRestart(() => {
        for (const listener of recoveredListeners) listener();
      });
      opened = { ch: connection, writer: createClickHouseWriter(connection) };
    },
    async close() {
      const current = opened;
      opened = null;
      toFill.clear();
      await current?.ch.close();
    },
    onRecovered(listener) {
      recoveredListeners.push(listener);
    },
    async write(batch, spoolId) {
      if (!opened) throw new Error("the ClickHouse analytics store is not open");
      const outcome = await opened.writer.write(batch, spoolId);
      for (const key of outcome.keys) written.add(key.siteId);
      return outcome;
    },
    readSpoolMark: (spoolId) => {
      if (!opened) throw new Error("the ClickHouse analytics store is not open");
      return opened.writer.readSpoolMark(spoolId);
    },
    async refreshAggregates() {
      const siteIds = [...written];
      written.clear();
      for (const siteId of siteIds) toFill.add(siteId);
      fillInBackground();
      return { siteDays: 0, ms: 0, siteIds };
    },
    async recoverAggregates() {
      const purged = await purgeDeletedSites(ch());
      if (purged > 0) log(`removed the events and visits of ${purged} deleted site(s)`);
    },
    async rebuildSite(site) {
      await fillRecentDays(ch(), { id: site.id, timezone: site.timezone });
    },
    // Once per run, not per site: a merge rewrites whole months, every site's rows in them.
    async finishBulkLoads() {
      if (bulkLoaded.size === 0) return;
      bulkLoaded.clear();
      await compactAfterBulkLoad(ch(), log);
    },
    totals: (q, range) => totals(ch(), q, range),
    timeseries: (q) => timeseries(ch(), q),
    breakdown: (q, dimension, options) => breakdown(ch(), q, dimension, options),
    goalConversions: (q, goals) => goalConversions(ch(), q, goals),
    realtimeVisitors: (siteId, since) => realtimeVisitors(ch(), siteId, since),
    hasAnyEvent: (siteId) => hasAnyEvent(ch(), siteId),
    pageviewsBySite: (siteIds, from, to) => pageviewsBySite(ch(), siteIds, from, to),
    countEvents: (siteId) => countEvents(ch(), siteId),
    async deleteSites(siteIds) {
      for (const siteId of siteIds) {
        toFill.delete(siteId);
        bulkLoaded.delete(siteId);
      }
      await filling; // a background fill writes day rows: finished first, none of them outlives its site
      await deleteSites(ch(), siteIds);
    },
    async bulkInsert(rows, options = {}) {
      if (options.replace) await deleteVisitRange(ch(), rows.siteId, rows.visits);
      await bulkInsert(ch(), rows);
      bulkLoaded.add(rows.siteId);
    },
    readSite: (siteId, after, limit) => readSite(ch(), siteId, after, limit),
  };
}
