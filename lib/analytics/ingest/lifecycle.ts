import { openGeoDatabase } from "@/lib/analytics/enrich/geo";
import { getEnv } from "@/lib/config/env";
import { drainBuffer } from "@/lib/analytics/store/flusher";
import { startSpool, stopSpool } from "@/lib/analytics/store/spool-lifecycle";
import { now } from "./clock";
import { forgetSaltsBefore } from "./salts";
import { sweepIdleVisits } from "./sessions";
import { refreshSites, startSiteRefresh, stopSiteRefresh } from "./site-cache";
import { addDays, utcDay } from "@/lib/analytics/dates";

// Start and stop of the ingestion pipeline's background work: the sites reload, the
// sweep of idle visits and old salts, and the final write of the buffer at shutdown.
// Everything also starts by itself on the first event, so tests and bare servers work
// without calling startIngestion(); boot calls it to pay the warm-up before traffic.

const SWEEP_MS = 60_000;
const DRAIN_TIMEOUT_MS = 15_000;

let sweeper: NodeJS.Timeout | null = null;

export function ensureIngestionStarted(): void {
  if (sweeper !== null) return;
  startSiteRefresh();
  sweeper = setInterval(sweep, SWEEP_MS).unref();
}

function sweep(): void {
  const at = now();
  sweepIdleVisits(at);
  forgetSaltsBefore(addDays(utcDay(at), -1));
}

/**
 * Loads the GeoIP database and the sites, replays and opens the spool in `spoolDir` (when
 * given: the app always gives one), then starts the background timers. Call once at boot,
 * before the endpoint takes events.
 */
export async function startIngestion(options: { spoolDir?: string; syncIntervalMs?: number; log?: (line: string) => void } = {}): Promise<void> {
  openGeoDatabase();
  await refreshSites();
  if (options.spoolDir !== undefined) {
    const replay = await startSpool(options.spoolDir, { syncIntervalMs: options.syncIntervalMs ?? getEnv().INGEST_SYNC_MS });
    if (replay.replayed + replay.discarded > 0) {
      options.log?.(`Replayed ${replay.replayed} accepted event(s) from the ingestion spool that an earlier run had not written${replay.discarded > 0 ? ` (${replay.discarded} of deleted sites dropped)` : ""}.`);
    }
  }
  ensureIngestionStarted();
}

/**
 * Writes every accepted event to Postgres (retrying for up to `timeoutMs`) and stops the
 * timers. Call on SIGTERM/SIGINT after the HTTP server stopped accepting requests and
 * before the pool closes. Rejects if events are still unwritten at the deadline.
 */
export async function drainIngestion(timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  stopSiteRefresh();
  if (sweeper !== null) clearInterval(sweeper);
  sweeper = null;
  try {
    await drainBuffer(Date.now() + timeoutMs);
  } finally {
    await stopSpool(); // what is still unwritten stays in the spool for the next start
  }
}
