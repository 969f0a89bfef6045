import { isForeignKeyViolation } from "@/lib/db/sql-state";
import { localDaysOfUtcDay } from "./local-days";
import { refreshDailyRollups } from "./refresh-daily";
import { refreshHourlyRollups } from "./refresh-hourly";
import { analyzeGrownTables } from "./table-statistics";

// Which rollups are out of date. The ingestion writer reports the (site, UTC day) pairs of
// every flush; the scheduler calls refreshDirtyRollups every few seconds, which recomputes
// each marked day once however many flushes touched it. Kept in memory: every app instance
// refreshes what its own writer wrote (markRecentDaysDirty covers a restart).
//
// A big site's day takes seconds to recompute (≈5 s for 350k pageviews), so a site is
// refreshed again only after BACKOFF × its last refresh time: today's numbers then lag a
// little more on the biggest sites instead of the refresher taking a whole core.

export type DirtyKey = { siteId: string; timezone: string; day: string };
/** `siteIds`: the sites whose rollups this pass refreshed (e.g. for the usage check). */
export type RefreshResult = { siteDays: number; ms: number; siteIds: string[] };
type SiteWork = { siteId: string; timezone: string; localDays: Set<string>; utcDays: Set<string> };

const BACKOFF = 4;
const CONCURRENCY = 2; // sites refreshed side by side: one per core, leaving the pool to the dashboards
const pending = new Map<string, SiteWork>();
const lastRun = new Map<string, { at: number; ms: number }>();
let running: Promise<RefreshResult> | null = null;

export function markDirty(keys: readonly DirtyKey[]): void {
  for (const { siteId, timezone, day } of keys) {
    const id = `${siteId}|${timezone}`;
    let work = pending.get(id);
    if (!work) pending.set(id, (work = { siteId, timezone, localDays: new Set(), utcDays: new Set() }));
    work.utcDays.add(day);
    for (const local of localDaysOfUtcDay(day, timezone)) work.localDays.add(local);
  }
}

/** Site-days waiting for a refresh (for tests and the status log). */
export function pendingSiteDays(): number {
  let count = 0;
  for (const work of pending.values()) count += work.localDays.size;
  return count;
}

/** Refreshes every marked day that is due. Overlapping calls share the run in progress. */
export function refreshDirtyRollups(now = Date.now()): Promise<RefreshResult> {
  running ??= refreshPending(now).finally(() => {
    running = null;
  });
  return running;
}

async function refreshPending(now: number): Promise<RefreshResult> {
  const started = performance.now();
  const due = [...pending].filter(([id]) => {
    const last = lastRun.get(id);
    return !last || now - last.at >= last.ms * BACKOFF;
  });
  if (due.length > 0) await analyzeGrownTables(); // before the marks are taken: a failure keeps them
  for (const [id] of due) pending.delete(id);
  let siteDays = 0;
  const refreshed = new Set<string>();
  const failures: unknown[] = [];
  const refreshOne = async ([id, work]: [string, SiteWork]) => {
    const t = performance.now();
    try {
      await refreshDailyRollups(work.siteId, work.timezone, [...work.localDays]);
      await refreshHourlyRollups(work.siteId, [...work.utcDays]);
      siteDays += work.localDays.size;
      refreshed.add(work.siteId);
      lastRun.set(id, { at: now, ms: performance.now() - t });
    } catch (error) {
      // A site deleted meanwhile fails its foreign key: nothing left to roll up.
      if (isForeignKeyViolation(error)) return;
      markDirty([...work.utcDays].map((day) => ({ siteId: work.siteId, timezone: work.timezone, day })));
      failures.push(error);
    }
  };
  const queue = [...due];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await refreshOne(next);
    }),
  );
  if (lastRun.size > 10_000) lastRun.clear(); // bounded memory; forgetting only skips a backoff
  if (failures.length > 0) throw new AggregateError(failures, `rollup refresh failed for ${failures.length} site(s); they stay marked`);
  return { siteDays, ms: Math.round(performance.now() - started), siteIds: [...refreshed] };
}
