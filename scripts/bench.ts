// npm run bench — ingestion, dashboard and tracker figures in one run (not part of npm test).
// Starts its own embedded Postgres (fresh, under .data/bench, port 54490) and the production
// server on port 3400 as a child process, measures, prints a report with the targets of
// issue 3, writes bench/results-<timestamp>.json and bench/latest.json, and stops everything
// it started — also on Ctrl-C. See docs/benchmark.md.
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/api-keys";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { closePool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { ensureSiteWithOwner } from "./seed/site-owner";
import { cleanupAll, cleanupOnSignals, wasInterrupted, onCleanup } from "./bench/cleanup";
import { benchContention, type ContentionResult } from "./bench/contention";
import { benchDashboard, seedDashboardSite, type DashboardResult } from "./bench/dashboard";
import { startBenchDatabase } from "./bench/database";
import { closeHttpAgent } from "./bench/http-timing";
import { benchIngestion, countStored, type IngestionResult } from "./bench/ingestion";
import { assertPortFree } from "./bench/ports";
import { formatPanelTable, formatSummary, isFailed, summarise, type Outcome } from "./bench/report";
import { writeResults } from "./bench/results-file";
import { parseEngine } from "@/lib/analytics/get-analytics-store";
import { benchServer } from "./bench/engine-access";
import { TARGETS } from "./bench/targets";
import { benchTracker, type TrackerResult } from "./bench/tracker";

// BENCH_PORT_OFFSET moves the ports and the data directory, for runs side by side with another engineer's.
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 0);
const DATA_DIR = OFFSET ? `.data/bench-${OFFSET}` : ".data/bench";
const PORT = 3400 + OFFSET;
const PG_PORT = 54490 + OFFSET;
const CONCURRENCY = 50;
const LOADS = 10;
// Per view (page loads, and again the panel queries): past it a slow view gets fewer loads.
const VIEW_BUDGET_MS = 30_000;
// Defaults are the issue's; `--sizes=100k,1M --load-seconds=5` makes a quick trial run,
// `--sizes=none` measures ingestion and the tracker only, `--phases=contention` runs only
// the dashboards-vs-ingestion phase (it seeds the 1M site itself when (b) did not).
const PHASES = new Set((option("phases") ?? "tracker,ingestion,dashboard,contention").split(","));
for (const phase of PHASES) if (!["tracker", "ingestion", "dashboard", "contention"].includes(phase)) throw new Error(`--phases: unknown phase "${phase}"`);
const LOAD_SECONDS = Number(option("load-seconds") ?? 20);
const CONTENTION = {
  clients: Number(option("contention-clients") ?? 200),
  patienceSeconds: Number(option("contention-patience") ?? 25),
  ratePerSecond: Number(option("contention-rate") ?? 500),
  idleLimitSeconds: Number(option("contention-idle-limit") ?? 180),
};
// --reuse keeps the last run's database and seeded 1M site (for iterating on phase (d) alone).
const REUSE = process.argv.includes("--reuse");
const SIZES = (PHASES.has("dashboard") ? (option("sizes") ?? "1M,10M") : "")
  .split(",")
  .filter((label) => label !== "" && label !== "none")
  .map((label) => ({ label, pageviews: parseCount(label) }));
// --engine=clickhouse measures the ClickHouse engine (embedded, under DATA_DIR/clickhouse).
const ENGINE = parseEngine(option("engine") ?? "postgres", "--engine");
const OWNER = "bench@ministat.local";
const TIMEZONE = "Europe/Berlin";

// The server child and this process must agree on these (cookie name, app URL, secrets).
Object.assign(process.env, { DATA_DIR, PORT: String(PORT), EMBEDDED_PG_PORT: String(PG_PORT), TRUSTED_PROXY_HOPS: "1", NEXT_TELEMETRY_DISABLED: "1", ANALYTICS_ENGINE: ENGINE });

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function parseCount(label: string): number {
  const match = /^(\d+(?:\.\d+)?)([kM]?)$/.exec(label);
  if (!match) throw new Error(`--sizes: "${label}" is not a count like 100k or 10M`);
  return Math.round(Number(match[1]) * (match[2] === "M" ? 1e6 : match[2] === "k" ? 1e3 : 1));
}

// After Ctrl-C the remaining steps fail one by one while everything stops; keep quiet then.
const log = (line: string) => {
  if (!wasInterrupted()) console.log(line);
};
// The load average at the start of each section goes into the JSON: other work on the
// machine shows up in every figure.
const loadAverages: Record<string, number[]> = {};
const section = (title: string) => {
  loadAverages[title] = loadavg().map((l) => Math.round(l * 100) / 100);
  log(`\n━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
};
const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });

cleanupOnSignals((line) => console.error(line));
const startedAt = new Date();
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) };
log(`MiniStat benchmark — ${startedAt.toISOString()} — analytics engine: ${ENGINE}`);
log(`${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(" ")} (app, Postgres and load generator share these cores)`);

let tracker: Outcome<TrackerResult> | null = PHASES.has("tracker") ? { error: "not run" } : null;
let ingestion: Outcome<IngestionResult> | null = PHASES.has("ingestion") ? { error: "not run" } : null;
let contention: Outcome<ContentionResult> | null = PHASES.has("contention") ? { error: "not run" } : null;
const dashboards: Array<Outcome<DashboardResult> & { label: string }> = SIZES.map((s) => ({ label: s.label, error: "not run" }));

try {
  if (tracker) {
    section("(c) Tracker");
    tracker = await benchTracker().catch(failure);
    if (!isFailed(tracker)) for (const t of tracker) log(`  ${t.name}: ${t.gzipBytes} B gzipped (${t.bytes} B raw)`);
  }

  section("Starting Postgres and the production server");
  await assertPortFree(PORT);
  await assertPortFree(PG_PORT);
  const db = await startBenchDatabase({ dataDir: DATA_DIR, port: PG_PORT, reuse: REUSE, log: (line) => log(`  ${line}`) });
  onCleanup("Postgres", db.stop);
  onCleanup("database pool", async () => {
    await closePool();
    await prisma.$disconnect();
  });
  log(`  Postgres (embedded, ${REUSE ? "reused" : "fresh"}) on 127.0.0.1:${PG_PORT}, data in ${DATA_DIR}/pg`);
  const servers = benchServer({ engine: ENGINE, port: PORT, env: { ...process.env, DATABASE_URL: db.serverUrl }, log });
  try {
    const started = await servers.start();
    log(`  server ready at ${started.url} (pid ${started.pid})`);
  } catch (error) {
    log(`  ✗ the server did not start: ${failure(error).error}`);
  }

  const owner = await ensureSiteWithOwner({ email: OWNER, domain: "load.bench.ministat.local", timezone: TIMEZONE });

  if (ingestion) section(`(a) Ingestion — POST /api/event, concurrency ${CONCURRENCY}, ${LOAD_SECONDS} s`);
  if (!ingestion) {
    // not asked for
  } else if (!servers.current()) ingestion = { error: "the server did not start" };
  else {
    const { url } = servers.current()!;
    ingestion = await benchIngestion({ server: servers, url, siteId: owner.site.id, domain: owner.site.domain, concurrency: CONCURRENCY, durationSeconds: LOAD_SECONDS, log }).catch(failure);
    if (!isFailed(ingestion)) {
      const i = ingestion;
      log(`  ${i.eventsPerSecond.toLocaleString("en-US")} events/s stored-type 202s (${i.requestsPerSecond.toLocaleString("en-US")} requests/s); latency p50 ${i.latencyMs.p50} ms, p90 ${i.latencyMs.p90} ms, p99 ${i.latencyMs.p99} ms, max ${i.latencyMs.max} ms`);
      log(`  per second: ${i.perSecond.join(" ")}`);
      log(`  statuses ${JSON.stringify(i.statuses)}; crawler requests ${i.crawlerRequests}; accepted ${i.expectedStored} vs stored ${i.stored} after ${i.drainMs} ms of drain`);
      log(`  CPU per request in the window: server process ${i.serverCpuUsPerRequest ?? "?"} µs, load generator ${i.generatorCpuUsPerRequest ?? "?"} µs`);
      if (i.formattedLate > 0) log(`  (${i.formattedLate.toLocaleString("en-US")} requests were formatted during the load: the prepared ones ran out)`);
    }
  }
  if (ingestion && isFailed(ingestion)) log(`  ✗ ${ingestion.error}`);

  const sessionToken = randomBytes(32).toString("hex");
  await createAuthAdapter().createSession?.({ sessionToken, userId: owner.userId, expires: new Date(Date.now() + 86_400_000) });
  const cookie = `${sessionCookieName()}=${sessionToken}`;
  // A Stats API key per run (each key may ask 600 times an hour); a reused database keeps the last run's.
  for (const key of await listApiKeys(owner.userId)) if (key.name === "benchmark") await revokeApiKey(owner.userId, key.id);
  const apiKey = (await createApiKey(owner.userId, "benchmark")).key;

  for (const [i, size] of SIZES.entries()) {
    section(`(b) Dashboard — ${size.label} pageviews over 30 days`);
    const { site } = await ensureSiteWithOwner({ email: OWNER, domain: `${size.label.toLowerCase()}.bench.ministat.local`, timezone: TIMEZONE });
    const result = await benchDashboard({ label: size.label, pageviews: size.pageviews, databaseUrl: db.url, site, server: servers, cookie, apiKey, plan: { loads: LOADS, budgetMs: VIEW_BUDGET_MS }, log }).catch(failure);
    dashboards[i] = { ...result, label: size.label };
    if (isFailed(result)) log(`  ✗ ${result.error}`);
  }

  if (contention && ENGINE !== "postgres") {
    contention = { error: "phase (d) measures Postgres's read gate and pool; it runs with --engine=postgres" };
  } else if (contention) {
    section(`(d) Dashboards vs ingestion — ${CONTENTION.clients} filtered 1M dashboards at once`);
    const domain = "1m.bench.ministat.local";
    const { site } = await ensureSiteWithOwner({ email: OWNER, domain, timezone: TIMEZONE });
    const seeded = dashboards.some((d) => d.label === "1M" && !isFailed(d)) || (REUSE && (await countStored(site.id)) > 900_000);
    if (!seeded) await servers.withStore((store) => seedDashboardSite({ pageviews: 1_000_000, databaseUrl: db.url, site, store, log }));
    const server = servers.current();
    contention = server
      ? await benchContention({ url: server.url, cookie, dashboardDomain: domain, ingest: { siteId: owner.site.id, domain: owner.site.domain }, ...CONTENTION, log }).catch(failure)
      : { error: "the server did not start" };
    if (isFailed(contention)) log(`  ✗ ${contention.error}`);
  }
} catch (error) {
  log(`\n✗ The benchmark stopped early: ${failure(error).error}`);
  process.exitCode = 1;
} finally {
  section("Stopping");
  closeHttpAgent();
  await cleanupAll(log);
}

section("Per-query time from runDashboardQueries (ms to answer, p50 of 10; all queries run in parallel)");
const measured = dashboards.filter((d): d is DashboardResult & { label: string } => !isFailed(d));
log(formatPanelTable(measured) || "  (no dashboard measured)");

section("Summary");
const summary = summarise(ENGINE, ingestion, dashboards, tracker, contention);
log(formatSummary(summary));
const finishedAt = new Date();
const files = await writeResults({ version: 1, engine: ENGINE, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000), machine, loadAverages, targets: TARGETS, summary, tracker, ingestion, dashboards, contention });
log(`\nResults: ${files.join(", ")} — ${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s in all.`);
process.exit(process.exitCode ?? 0);
