import { readFileSync } from "node:fs";
import { PreparedRequests } from "./prepared-requests";
import { RawHttpConnection } from "./raw-http";
import { max, quantile, round1 } from "./stats";

// The ingestion load generator, run as its own process (forked by scripts/bench/ingestion.ts)
// so that it does not share an event loop with the server or the benchmark. `concurrency`
// loops each keep one request in flight on a keep-alive connection for the whole run:
// a warm-up (counted for stored events, not for the figures), then the measured window.
// Requests are formatted before the run (prepared-requests.ts) and go out through raw-http.ts,
// so the generator takes little of the shared CPU.
// With `ratePerSecond` the loops are paced instead (an open-loop load of that many requests a
// second, for phases that measure latency under other load rather than throughput): each
// request has a scheduled start, and its latency counts from that start, so a server that
// stalls is charged for the requests it kept waiting (no coordinated omission).

export type LoadConfig = {
  url: string;
  domain: string;
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  seed: number;
  ratePerSecond?: number;
  /** The server's process: its CPU over the measured window is reported (Linux, /proc). */
  serverPid?: number;
};

export type LoadResult = {
  durationSeconds: number;
  /** Requests completed in the measured window, and per second. */
  requests: number;
  requestsPerSecond: number;
  /** 202 answers to storable (non-crawler) events in the measured window, per second. */
  eventsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Completed requests in each second of the measured window. */
  perSecond: number[];
  /** p99 latency of the requests completed in each second of the measured window. */
  p99PerSecond: number[];
  /** Status codes of the whole run (warm-up included); 0 = no answer (connection error). */
  statuses: Record<string, number>;
  /** 202 answers to storable events over the whole run: the rows Postgres must end up with. */
  expectedStored: number;
  crawlerRequests: number;
  /** Requests formatted during the run because the prepared ones ran out (0 normally). */
  formattedLate: number;
  /** The generator's own CPU (user + system) in the measured window, per request measured. */
  generatorCpuUsPerRequest: number | null;
  /** The server process's CPU (all its threads) in the measured window, per request measured. */
  serverCpuUsPerRequest: number | null;
};

// Linux's USER_HZ, the unit of /proc/<pid>/stat's times (100 on every mainstream build).
const CLOCK_TICKS_PER_SECOND = 100;

// Closed loop: prepared for this many requests a second, above what the 2-core machine serves.
const PREPARED_PER_SECOND = 16_000;

export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const target = new URL("/api/event", config.url);
  const seconds = config.warmupSeconds + config.durationSeconds;
  const count = config.ratePerSecond ? Math.ceil(config.ratePerSecond * seconds) + config.concurrency : PREPARED_PER_SECOND * seconds;
  const requests = new PreparedRequests(target, config.domain, config.seed, count);
  const latencies = new Float64Array(5_000_000);
  let measured = 0;
  let acceptedInWindow = 0;
  const statuses: Record<string, number> = {};
  const perSecond = new Array<number>(config.durationSeconds).fill(0);
  const bySecond = Array.from({ length: config.durationSeconds }, () => [] as number[]);
  let expectedStored = 0;
  let crawlerRequests = 0;

  const runStart = performance.now();
  const windowStart = runStart + config.warmupSeconds * 1000;
  const end = windowStart + config.durationSeconds * 1000;
  // This process's CPU and the server's over the measured window: what each took of the shared cores.
  // The end sample is taken when the window ends, or when the loops stop first (a paced run).
  const cpu = { generator: null as NodeJS.CpuUsage | null, serverUs: null as number | null, ended: false };
  const startCpu = () => {
    cpu.generator = process.cpuUsage();
    cpu.serverUs = processCpuUs(config.serverPid);
  };
  const endCpu = () => {
    if (cpu.ended) return;
    cpu.ended = true;
    cpu.generator = cpu.generator && process.cpuUsage(cpu.generator);
    const now = processCpuUs(config.serverPid);
    cpu.serverUs = cpu.serverUs === null || now === null ? null : now - cpu.serverUs;
  };
  const cpuStart = setTimeout(startCpu, windowStart - runStart);
  const cpuEnd = setTimeout(endCpu, end - runStart);
  // Paced: loop i sends at runStart + (i + k · concurrency) / rate, k = 0, 1, 2 …
  const gapMs = config.ratePerSecond ? (1000 * config.concurrency) / config.ratePerSecond : 0;

  const loop = async (index: number) => {
    const connection = new RawHttpConnection(target.hostname, Number(target.port));
    let scheduled = runStart + (gapMs * index) / config.concurrency;
    while (performance.now() < end) {
      const request = requests.next();
      if (gapMs > 0) {
        const wait = scheduled - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (scheduled >= end) break;
      }
      // Paced: from the scheduled start when late (the wait counts), from the send when a timer fired early.
      const started = gapMs > 0 ? Math.min(scheduled, performance.now()) : performance.now();
      scheduled += gapMs;
      const status = await connection.request(request.raw);
      const finished = performance.now();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!request.storable) crawlerRequests++;
      else if (status === 202) expectedStored++;
      // Paced, a request counts by its scheduled start: one the server kept past the end still counts.
      if (started >= windowStart && (gapMs > 0 ? started < end : finished <= end)) {
        if (measured < latencies.length) latencies[measured] = finished - started;
        measured++;
        if (status === 202 && request.storable) acceptedInWindow++;
        const second = Math.min(config.durationSeconds - 1, Math.floor(((gapMs > 0 ? started : finished) - windowStart) / 1000));
        perSecond[second] = (perSecond[second] ?? 0) + 1;
        bySecond[second]?.push(finished - started);
      }
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: config.concurrency }, (_, i) => loop(i)));
  clearTimeout(cpuStart);
  clearTimeout(cpuEnd);
  endCpu();

  const sample = latencies.subarray(0, Math.min(measured, latencies.length));
  return {
    durationSeconds: config.durationSeconds,
    requests: measured,
    requestsPerSecond: Math.round(measured / config.durationSeconds),
    eventsPerSecond: Math.round(acceptedInWindow / config.durationSeconds),
    latencyMs: { p50: round1(quantile(sample, 0.5)), p90: round1(quantile(sample, 0.9)), p99: round1(quantile(sample, 0.99)), max: round1(max(sample)) },
    perSecond,
    p99PerSecond: bySecond.map((samples) => round1(quantile(samples, 0.99))),
    statuses,
    expectedStored,
    crawlerRequests,
    formattedLate: requests.formattedLate(),
    generatorCpuUsPerRequest: cpu.generator === null || measured === 0 ? null : round1((cpu.generator.user + cpu.generator.system) / measured),
    serverCpuUsPerRequest: cpu.serverUs === null || measured === 0 ? null : round1(cpu.serverUs / measured),
  };
}

/** User + system CPU of a process and all its threads, in µs (Linux; null elsewhere or when it is gone). */
function processCpuUs(pid: number | undefined): number | null {
  if (pid === undefined || pid <= 0) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// As a child process: one config in over IPC, one result out.
if (process.send !== undefined && process.argv[1]?.endsWith("load-generator.ts")) {
  process.once("message", (message: LoadConfig) => {
    runLoad(message).then(
      (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ ok: false, error: String(error) }, () => process.exit(1)),
    );
  });
}
