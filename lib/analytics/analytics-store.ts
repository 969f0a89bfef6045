import type { Batch } from "@/lib/analytics/store/event-buffer";
import type { BreakdownOptions, BreakdownRow, Dimension, FlushKey, GoalDefinition, GoalRow, Metrics, StatsQuery, TimeseriesPoint, VisitRecord } from "@/lib/analytics/types";

// The one boundary between MiniStat and the database that holds its analytics: every write of
// ingestion, every pre-aggregation, every number on a dashboard, in the Stats API, an export,
// a report, an alert or a usage e-mail, and every deletion goes through an AnalyticsStore.
// Two engines implement it (lib/analytics/engines/): Postgres, the default, and ClickHouse
// (ANALYTICS_ENGINE=clickhouse). Accounts, sites, goals, keys, salts and everything else stay
// in Postgres whatever the engine. Pick the process's store with getAnalyticsStore()
// (lib/analytics/get-analytics-store.ts).

export const ANALYTICS_ENGINES = ["postgres", "clickhouse"] as const;
export type AnalyticsEngine = (typeof ANALYTICS_ENGINES)[number];

/** A visit row as stored (bulk loads, copies between engines, test fixtures). Times in ms since the epoch. */
export type StoredVisit = Omit<VisitRecord, "site" | "lastSeen"> & { endedAt: number };

/** An event row as stored. `props`: JSON object text or null. */
export type StoredEvent = { ts: number; name: string; visitorId: string; visitId: string; pathname: string; props: string | null };

/** One site's rows; every event's visit is among `visits` or already stored. */
export type SiteRows = { siteId: string; visits: StoredVisit[]; events: StoredEvent[] };

/**
 * What a write did: `stored` events are in the engine; `discarded` ones were refused for good
 * (their site was deleted meanwhile, or a row the engine cannot hold); `leftover` is what
 * must be written again later (the engine is down), with the `error` that stopped it.
 * `keys`: the (site, UTC day) pairs written.
 */
export type WriteOutcome = { stored: number; discarded: number; keys: FlushKey[]; leftover: Batch | null; error: unknown };

export type BulkInsertOptions = { replace?: boolean };

/** The smallest and largest visit id of some rows (visit ids are signed 64-bit integers as text). */
export function visitIdRange(visits: readonly StoredVisit[]): { min: string; max: string } | null {
  if (visits.length === 0) return null;
  let min = BigInt(visits[0]!.visitId);
  let max = min;
  for (const visit of visits) {
    const id = BigInt(visit.visitId);
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return { min: String(min), max: String(max) };
}

/** What the pre-aggregation pass did: the sites whose figures moved (for the usage check). */
export type AggregatesRefresh = { siteDays: number; ms: number; siteIds: string[] };

export interface AnalyticsStore {
  readonly engine: AnalyticsEngine;
  /** Ingestion flushes once this many events wait (or a second after the first): the batch size the engine writes best. */
  readonly flushAtEvents: number;

  /** Connects (and, for ClickHouse, starts the embedded engine and applies its migrations). */
  open(): Promise<void>;
  /** Waits for what runs, then lets go of connections and engines. */
  close(): Promise<void>;
  /** `listener` runs whenever the engine is back after being unreachable (the writer retries at once). */
  onRecovered(listener: () => void): void;

  // --- Ingestion's writer (lib/analytics/store/flusher.ts and the spool replay) ---

  /**
   * Writes the batch and moves the spool's watermark to its last seq, idempotently: a batch
   * written again (a retry, a replay after a crash) never counts twice. Rows of deleted sites
   * and rows the engine cannot hold are discarded; anything else comes back as `leftover`.
   */
  write(batch: Batch, spoolId: string | null): Promise<WriteOutcome>;
  /** The highest seq of the spool whose event is stored (0: none). */
  readSpoolMark(spoolId: string): Promise<number>;

  // --- Pre-aggregation ---

  /** Brings pre-aggregated figures up to date with what was written (the app's timer). */
  refreshAggregates(now: Date): Promise<AggregatesRefresh>;
  /** At start: repairs pre-aggregates a crash may have left stale. */
  recoverAggregates(): Promise<void>;
  /** Recomputes a site's pre-aggregates (its time zone changed; a bulk load finished). */
  rebuildSite(site: { id: string; timezone: string }): Promise<void>;
  /**
   * After the last bulk load of a run (a seed, a copy of every site): tidies what the loads
   * left, once (ClickHouse merges the loaded tables' parts; Postgres has nothing to do).
   */
  finishBulkLoads(): Promise<void>;

  // --- Reads: every number anywhere ---

  totals(q: StatsQuery, range: { from: string; to: string }): Promise<Metrics>;
  timeseries(q: StatsQuery): Promise<TimeseriesPoint[]>;
  breakdown(q: StatsQuery, dimension: Dimension, options: BreakdownOptions): Promise<BreakdownRow[]>;
  goalConversions(q: StatsQuery, goals: GoalDefinition[]): Promise<GoalRow[]>;
  /** Distinct visitors with an event at or after `since`. */
  realtimeVisitors(siteId: string, since: Date): Promise<number>;
  hasAnyEvent(siteId: string): Promise<boolean>;
  /** Pageviews per site in [from, to) (UTC instants, whole hours); sites without any are absent. */
  pageviewsBySite(siteIds: string[], from: Date, to: Date): Promise<Map<string, number>>;
  /** Every stored event of the site (operators, benchmarks, the zero-loss checks). */
  countEvents(siteId: string): Promise<number>;

  // --- Deletion and bulk data ---

  /** Removes every event, visit and aggregate of the sites, at once (after Postgres deleted them). */
  deleteSites(siteIds: string[]): Promise<void>;
  /**
   * Bulk load (seed, copy between engines, test fixtures): no spool, no watermark. `replace`:
   * first remove the stored visits (and their events) whose ids lie between the smallest and
   * the largest visit id of `rows` — a copy batch written again after a crash counts once.
   */
  bulkInsert(rows: SiteRows, options?: BulkInsertOptions): Promise<void>;
  /** A site's visits in visit-id order after `afterVisitId`, with their events: at most `limit` visits. */
  readSite(siteId: string, afterVisitId: string | null, limit: number): Promise<SiteRows>;
}
