import { loadavg } from "node:os";
import { runBurst, type BurstSummary } from "./burst";
import { timedGet } from "./http-timing";
import { countStored, probeEndpoint, runLoadGenerator, waitForStored } from "./ingestion";
import type { LoadResult } from "./load-generator";
import { countReadBackends, waitForPostgresIdle, type IdleWait } from "./postgres-idle";

// (d) Dashboards cannot starve ingestion: a steady ingestion load (paced, `ratePerSecond`)
// runs while `clients` people open heavy filtered dashboards of the 1M site at once and give
// up after `patienceSeconds` (the outside tester's scenario: 200 loads of ?page=/pricing).
// Measured: /api/event latency during it (target p99 < 100 ms), accepted vs stored, how the
// pages ended (data, "busy" panels, client gave up), and how long Postgres kept running
// read queries after the clients left (target: idle within 30 s).

export type ContentionResult = {
  clients: number;
  patienceSeconds: number;
  ratePerSecond: number;
  idleLimitSeconds: number;
  views: string[];
  ingestion: LoadResult & { expectedStored: number; stored: number; lost: number; drainMs: number };
  burst: BurstSummary;
  idle: IdleWait;
  loadAverage: { start: number[]; end: number[] };
};

type Options = {
  url: string;
  cookie: string;
  dashboardDomain: string;
  ingest: { siteId: string; domain: string };
  clients: number;
  patienceSeconds: number;
  ratePerSecond: number;
  idleLimitSeconds: number;
  log: (line: string) => void;
};

export const CONTENTION_VIEWS = [
  { view: "page=/pricing", search: "period=30d&page=%2Fpricing" },
  { view: "country=DE", search: "period=30d&country=DE" },
] as const;

const WARMUP_SECONDS = 2;
// Ingestion measured from 2 s before the burst until 4 s after the last client left.
const LEAD_SECONDS = 2;
const TAIL_SECONDS = 4;
const CONNECTIONS = 32;

const la = () => loadavg().map((l) => Math.round(l * 100) / 100);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchContention(options: Options): Promise<ContentionResult> {
  const { log } = options;
  const start = la();
  const probe = await probeEndpoint(options.url, options.ingest.domain);
  if (probe !== 202) throw new Error(`POST /api/event answered ${probe} to a valid event (expected 202)`);
  const before = await countStored(options.ingest.siteId);
  // Start on a quiet Postgres: a view of (b) that failed (the 10M page=/pricing view hits the
  // 30 s statement timeout) leaves its sibling queries running for up to 30 s more, which
  // would otherwise compete with the burst.
  const leftover = await countReadBackends();
  if (leftover > 0) {
    log(`  waiting for ${leftover} read queries of the previous phase to end …`);
    await waitForPostgresIdle(60, log);
  }
  // A server that has rendered the views once (its code loaded, Postgres's caches warm), as in production.
  const base = `/sites/${encodeURIComponent(options.dashboardDomain)}`;
  for (const path of [base, ...CONTENTION_VIEWS.map((v) => `${base}?${v.search}`)]) {
    const warm = await timedGet(options.url + path, { cookie: options.cookie }, 60_000);
    if (warm.status !== 200) throw new Error(`warm-up load of ${path} answered ${warm.status}`);
  }

  const durationSeconds = LEAD_SECONDS + options.patienceSeconds + TAIL_SECONDS;
  log(`  ingestion: ${options.ratePerSecond} events/s paced over ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${durationSeconds} s measured`);
  const load = runLoadGenerator({
    url: options.url,
    domain: options.ingest.domain,
    concurrency: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    durationSeconds,
    seed: 11,
    ratePerSecond: options.ratePerSecond,
  });
  load.catch(() => {}); // awaited below; a failure must not be unhandled meanwhile

  await sleep((WARMUP_SECONDS + LEAD_SECONDS) * 1000);
  const paths = CONTENTION_VIEWS.map(({ view, search }) => ({ view, path: `${base}?${search}` }));
  log(`  ${options.clients} dashboard loads at once (${paths.map((p) => p.view).join(" / ")}), each giving up after ${options.patienceSeconds} s …`);
  const { summary: burst } = await runBurst({ base: options.url, paths, count: options.clients, cookie: options.cookie, patienceMs: options.patienceSeconds * 1000 });
  log(
    `  pages: ${burst.complete} complete (${burst.completeWithData} with every panel, ${burst.completeWithBusyPanels} with "busy" panels, ` +
      `${burst.completeWithFailedPanels} with failed panels, ${burst.refused} "busy" pages (503)), ${burst.left} clients gave up, ${burst.errors} errors; ` +
      `complete p50 ${burst.completeMs.p50} ms, p90 ${burst.completeMs.p90} ms, max ${burst.completeMs.max} ms`,
  );

  log(`  clients gone; waiting for Postgres to finish their queries (at most ${options.idleLimitSeconds} s) …`);
  const idle = await waitForPostgresIdle(options.idleLimitSeconds, log);
  log(
    idle.idleAfterSeconds === null
      ? `  ✗ Postgres still ran ${idle.cancelledAtLimit} read queries ${options.idleLimitSeconds} s after the clients left (cancelled now); ${idle.runningAtLeave} were running when they left`
      : `  Postgres idle ${idle.idleAfterSeconds} s after the clients left (${idle.runningAtLeave} read queries were running then)`,
  );

  const result = await load;
  const expected = result.expectedStored + 1; // + the probe
  const { stored, drainMs } = await waitForStored(options.ingest.siteId, before + expected);
  const ingestion = { ...result, expectedStored: expected, stored: stored - before, lost: expected - (stored - before), drainMs };
  log(
    `  /api/event during the burst: p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms ` +
      `(${result.requestsPerSecond} requests/s); accepted ${expected} vs stored ${ingestion.stored}`,
  );
  log(`  p99 per second: ${result.p99PerSecond.join(" ")}`);
  return {
    clients: options.clients,
    patienceSeconds: options.patienceSeconds,
    ratePerSecond: options.ratePerSecond,
    idleLimitSeconds: options.idleLimitSeconds,
    views: CONTENTION_VIEWS.map((v) => v.view),
    ingestion,
    burst,
    idle,
    loadAverage: { start, end: la() },
  };
}
