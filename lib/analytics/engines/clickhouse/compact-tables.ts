import type { ClickHouse } from "./clickhouse";
import { describeClickHouseError } from "./insert-rows";

// After a bulk load (seed:demo, analytics:copy) and the fill of its kept rows, each table holds
// about ten parts a month (9–11 after the 10M seed), which background merges combine later, at
// their own pace. A view reads every part of its months, and FINAL (visits, kept rows) merges
// them as it reads: at 10M pageviews the page=/pricing view took 962 ms on the parts the load
// left and 700 ms on one part a month (query level). So after the bulk loads of a run (the
// store's finishBulkLoads: once, after every site of a copy) each table's parts are merged at
// once (10M: 27 s, table by table by hand; the load itself 10–12 min). A partition already
// merged into one part is left alone. Ingestion does not come here: its parts are merged in
// the background as usual.

const TABLES = ["events", "visits", "visit_pages", "day_rows", "filter_day_rows"] as const;

/** Merges the parts of each month of the bulk-loaded tables; a failure (a timeout on a big installation) leaves it to background merges. */
export async function compactAfterBulkLoad(ch: ClickHouse, log: (line: string) => void): Promise<void> {
  for (const table of TABLES) {
    try {
      await ch.command(`OPTIMIZE TABLE ${table} FINAL SETTINGS optimize_skip_merged_partitions = 1`);
    } catch (error) {
      log(`merging the parts of ${table} after a bulk load did not finish (background merges will): ${describeClickHouseError(error)}`);
      return;
    }
  }
}
