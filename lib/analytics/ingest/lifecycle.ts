import { openGeoDatabase } from "@/lib/analytics/enrich/geo";
import { drainBuffer } from "@/lib/analytics/store/flusher";
import { now } from "./clock";
import { forgetSaltsBefore } from "./salts";
import { sweepIdleVisits } from "./sessions";
import { refreshSites, startSiteRefresh, stopSiteRefresh } from "./site-cache";
import { addDays, utcDay } from "./utc-day";

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

/** Loads the GeoIP database and the sites, then starts the background timers. Call once at boot. */
export async function startIngestion(): Promise<void> {
  openGeoDatabase();
  await refreshSites();
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
  await drainBuffer(Date.now() + timeoutMs);
}
