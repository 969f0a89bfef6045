import { fork } from "node:child_process";
import { once } from "node:events";
import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { onCleanup } from "./cleanup";
import type { BenchServer } from "./engine-access";
import type { LoadConfig, LoadResult } from "./load-generator";

// (a) Ingestion: realistic events at concurrency 50 for 20 s against the running server's
// POST /api/event, from a load generator in its own process; then wait until the analytics
// store holds every event that was answered 202 (crawlers excepted), and report any difference.

export type IngestionResult = LoadResult & {
  concurrency: number;
  stored: number;
  lost: number;
  drainMs: number;
};

const DRAIN_TIMEOUT_MS = 60_000;

export async function benchIngestion(options: { server: BenchServer; url: string; siteId: string; domain: string; concurrency: number; durationSeconds: number; log: (line: string) => void }): Promise<IngestionResult> {
  const probe = await probeEndpoint(options.url, options.domain);
  if (probe !== 202) throw new Error(`POST /api/event answered ${probe} to a valid event (expected 202): ingestion is not reachable`);

  options.log(`  load: ${options.concurrency} concurrent keep-alive connections, 3 s warm-up + ${options.durationSeconds} s measured …`);
  const config: LoadConfig = { url: options.url, domain: options.domain, concurrency: options.concurrency, warmupSeconds: 3, durationSeconds: options.durationSeconds, seed: 7, serverPid: options.server.current()?.pid };
  const load = await runLoadGenerator(config);
  const expected = load.expectedStored + 1; // + the probe

  options.log(`  load done: ${load.requests.toLocaleString("en-US")} requests measured; waiting for the buffer to drain into ${options.server.engine} …`);
  const { stored, drainMs } = await options.server.withStore(() => waitForStored(options.siteId, expected));
  return { ...load, concurrency: options.concurrency, expectedStored: expected, stored, lost: expected - stored, drainMs };
}

/** Polls the site's stored events until there are `expected` (or more), or the count stops changing for 60 s. */
export async function waitForStored(siteId: string, expected: number): Promise<{ stored: number; drainMs: number }> {
  const started = performance.now();
  let stored = 0;
  let lastChange = started;
  while (performance.now() - lastChange < DRAIN_TIMEOUT_MS) {
    const now = await countStored(siteId);
    if (now !== stored) lastChange = performance.now();
    stored = now;
    if (stored >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { stored, drainMs: Math.round(performance.now() - started) };
}

export async function countStored(siteId: string): Promise<number> {
  return (await getAnalyticsStore()).countEvents(siteId);
}

export async function probeEndpoint(url: string, domain: string): Promise<number> {
  try {
    const response = await fetch(new URL("/api/event", url), {
      method: "POST",
      headers: { "content-type": "text/plain", "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0", "x-forwarded-for": "81.2.69.142" },
      body: JSON.stringify({ n: "pageview", u: `https://${domain}/`, d: domain, r: null, w: 1440 }),
    });
    return response.status;
  } catch {
    return 0;
  }
}

export function runLoadGenerator(config: LoadConfig): Promise<LoadResult> {
  const child = fork(new URL("./load-generator.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const unregister = onCleanup("load generator", async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  });
  return new Promise<LoadResult>((resolve, reject) => {
    child.once("message", (message: unknown) => {
      const m = message as { ok: boolean; result?: LoadResult; error?: string };
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(`load generator failed: ${m.error ?? "no result"}`));
    });
    child.once("exit", (code) => reject(new Error(`load generator exited (code ${code}) without a result`)));
    child.send(config);
  }).finally(unregister);
}
