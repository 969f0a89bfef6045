import type { AnalyticsEngine } from "@/lib/analytics/analytics-store";
import type { ContentionResult } from "./contention";
import { STATS_API_CALLS, statsApiCallName, VIEWS, type DashboardResult } from "./dashboard";
import type { IngestionResult } from "./ingestion";
import { ratioTo } from "./stats";
import { atLeast, atMost, below, TARGETS, type Check } from "./targets";
import type { TrackerResult } from "./tracker";

// The human-readable side of the results: one summary row per figure with its target and
// ✓/✗, and the per-panel query table. The JSON file holds the same figures and more.

export type Failed = { error: string };
export type Outcome<T> = T | Failed;

export type SummaryRow = { figure: string; value: string; target: string; ok: boolean | null };

export function isFailed<T extends object>(outcome: Outcome<T>): outcome is Failed {
  return "error" in outcome;
}

const n = (v: number) => v.toLocaleString("en-US");
const row = (figure: string, value: string, check: Check | null): SummaryRow => ({ figure, value, target: check?.target ?? "", ok: check?.ok ?? null });
const failed = (figure: string, error: string): SummaryRow => ({ figure, value: `not measured: ${error.split("\n")[0] ?? error}`, target: "", ok: false });

type Ran<T> = Outcome<T> | null; // null: the phase was not asked for (--phases)

export function summarise(
  engine: AnalyticsEngine,
  ingestion: Ran<IngestionResult>,
  dashboards: Array<Outcome<DashboardResult> & { label: string }>,
  tracker: Ran<TrackerResult>,
  contention: Ran<ContentionResult> = null,
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  if (ingestion === null) {
    // not run
  } else if (isFailed(ingestion)) rows.push(failed("Ingestion", ingestion.error));
  else {
    rows.push(row(`Ingestion, sustained (c=${ingestion.concurrency}, ${ingestion.durationSeconds} s)`, `${n(ingestion.eventsPerSecond)} events/s`, atLeast(ingestion.eventsPerSecond, TARGETS.ingestEventsPerSecond, " events/s")));
    rows.push(row("Ingestion latency p50", `${ingestion.latencyMs.p50} ms`, null));
    rows.push(row("Ingestion latency p99", `${ingestion.latencyMs.p99} ms`, below(ingestion.latencyMs.p99, TARGETS.ingestP99Ms, " ms")));
    rows.push(row("Accepted (202) vs stored", `${n(ingestion.expectedStored)} vs ${n(ingestion.stored)}`, { target: "equal", ok: ingestion.lost === 0 }));
  }
  for (const d of dashboards) {
    if (isFailed(d)) {
      rows.push(failed(`Dashboard ${d.label}`, d.error));
      continue;
    }
    rows.push(row(`Seed ${d.label}: write speed`, `${n(d.seed.eventsPerSecond)} events/s (${(d.seed.writeMs / 1000).toFixed(1)} s)`, atLeast(d.seed.eventsPerSecond, TARGETS.seedEventsPerSecond, " events/s")));
    rows.push(row(`Seed ${d.label}: total incl. rollups`, `${(d.seed.totalMs / 1000).toFixed(1)} s`, null));
    if (!d.pages) rows.push(failed(`Dashboard ${d.label} page loads`, "no server"));
    const unfiltered = d.pages?.find((page) => page.view === "unfiltered");
    for (const page of d.pages ?? []) {
      if (page.failed) {
        const answers = Object.entries(page.statuses).map(([status, count]) => `${count}× ${status}`).join(", ");
        rows.push({ figure: `Dashboard ${d.label}, ${page.view}`, value: `failed after ${page.maxMs} ms: ${answers}`, target: "", ok: false });
        continue;
      }
      const ratio = d.filteredRatio?.[page.view];
      const value = `${page.p50Ms} / ${page.maxMs} ms${loadsNote(page.loads)}${ratio === undefined ? "" : ` = ${ratio}×`}`;
      rows.push(row(`Dashboard ${d.label}, ${page.view}: p50 / max`, value, pageCheck(engine, d.label, page.p50Ms, unfiltered?.p50Ms, ratio)));
    }
    if (d.realtime) rows.push(row(`Dashboard ${d.label}, realtime poll: p50 / max`, `${d.realtime.p50Ms} / ${d.realtime.maxMs} ms`, null));
    rows.push(...statsApiRows(engine, d));
  }
  if (contention !== null) rows.push(...contentionRows(contention));
  if (tracker === null) return rows;
  if (isFailed(tracker)) rows.push(failed("Tracker", tracker.error));
  else for (const t of tracker) rows.push(row(`Tracker ${t.name} gzipped`, `${n(t.gzipBytes)} B (${n(t.bytes)} B raw)`, below(t.gzipBytes, t.targetGzipBytes, " B")));
  return rows;
}

// The issues set targets for 1M and 10M pageviews; other sizes (trial runs) get none.
function pageCheck(engine: AnalyticsEngine, label: string, p50Ms: number, unfilteredP50Ms: number | undefined, ratio: number | undefined): Check | null {
  const filtered = ratio !== undefined;
  if (engine === "clickhouse") {
    if (label === "10M") return atMost(p50Ms, filtered ? TARGETS.clickhouseFiltered10mP50Ms : TARGETS.dashboard10mP50Ms, " ms");
    if (label === "1M" && filtered && unfilteredP50Ms !== undefined) {
      return atMost(p50Ms, Math.max(TARGETS.filteredVsUnfiltered * unfilteredP50Ms, TARGETS.clickhouseFilteredFloorMs), " ms");
    }
    return null;
  }
  if (!filtered) return label === "10M" ? below(p50Ms, TARGETS.dashboard10mP50Ms, " ms") : label === "1M" ? below(p50Ms, TARGETS.dashboard1mP50Ms, " ms") : null;
  if (label === "1M") return atMost(p50Ms, TARGETS.postgresFiltered1mP50Ms, " ms");
  return atMost(ratio, TARGETS.filteredVsUnfiltered, "× unfiltered");
}

/**
 * One row per view: the p50 of each Stats API call for it, held to the dashboard page's target
 * for that view (one call should answer no slower than the whole page may).
 */
function statsApiRows(engine: AnalyticsEngine, d: DashboardResult): SummaryRow[] {
  const rows: SummaryRow[] = [];
  let unfiltered: number | undefined;
  for (const { view } of VIEWS) {
    const calls = STATS_API_CALLS.map(({ endpoint }) => d.statsApi?.find((t) => t.view === statsApiCallName(endpoint, view))).filter((t) => t !== undefined);
    if (calls.length === 0) continue;
    const figure = `Stats API ${d.label}, ${view}: ${STATS_API_CALLS.map((c) => c.endpoint).join(" / ")} p50`;
    if (calls.some((t) => t.failed)) {
      rows.push({ figure, value: `failed: ${calls.map((t) => JSON.stringify(t.statuses)).join(" ")}`, target: "", ok: false });
      continue;
    }
    const slowest = Math.max(...calls.map((t) => t.p50Ms));
    if (view === "unfiltered") unfiltered = slowest;
    const ratio = view === "unfiltered" ? undefined : unfiltered === undefined ? Number.NaN : ratioTo(slowest, unfiltered);
    rows.push(row(figure, `${calls.map((t) => t.p50Ms).join(" / ")} ms`, pageCheck(engine, d.label, slowest, unfiltered, ratio)));
  }
  return rows;
}

function contentionRows(c: Outcome<ContentionResult>): SummaryRow[] {
  if (isFailed(c)) return [failed("Dashboards vs ingestion", c.error)];
  const b = c.burst;
  const i = c.ingestion;
  const idle = c.idle.idleAfterSeconds;
  return [
    row(`Under ${c.clients} heavy dashboards: /api/event p50 / p99`, `${i.latencyMs.p50} / ${i.latencyMs.p99} ms (max ${i.latencyMs.max} ms, ${n(i.requestsPerSecond)} req/s)`, below(i.latencyMs.p99, TARGETS.contentionIngestP99Ms, " ms")),
    row("  accepted (202) vs stored", `${n(i.expectedStored)} vs ${n(i.stored)}`, { target: "equal", ok: i.lost === 0 }),
    row(
      `  pages within ${c.patienceSeconds} s`,
      `${b.complete} of ${b.clients}: ${b.completeWithData} full, ${b.completeWithBusyPanels} with "busy" panels, ${b.refused} "busy" 503s, ${b.completeWithFailedPanels} with failed panels; p50 ${b.completeMs.p50} ms, max ${b.completeMs.max} ms`,
      null,
    ),
    row(
      "  Postgres idle after the clients left",
      idle === null ? `> ${c.idleLimitSeconds} s: ${c.idle.cancelledAtLimit} queries still running then` : `${idle} s`,
      idle === null ? { target: `< ${TARGETS.postgresIdleSeconds} s`, ok: false } : below(idle, TARGETS.postgresIdleSeconds, " s"),
    ),
  ];
}

// Fewer than the 10 loads asked for: the view used up its time budget (budget.ts).
function loadsNote(loads: number): string {
  return loads >= 10 ? "" : loads === 0 ? " (1 cold load only)" : ` (${loads} loads)`;
}

export function formatSummary(rows: SummaryRow[]): string {
  const w1 = Math.max(...rows.map((r) => r.figure.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  return rows
    .map((r) => `  ${r.ok === null ? " " : r.ok ? "✓" : "✗"} ${r.figure.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.target ? `target ${r.target}` : ""}`.trimEnd())
    .join("\n");
}

/** Rows: panels; columns: each data size × view. */
export function formatPanelTable(dashboards: DashboardResult[]): string {
  const columns = dashboards.flatMap((d) =>
    Object.entries(d.panels).map(([view, t]) => {
      const title = `${d.label} ${view === "unfiltered" ? "all" : view}`;
      if ("error" in t) return { title: `${title} (failed)`, timings: {} };
      return { title: `${title}${t.runs < 10 ? ` (n=${Math.max(1, t.runs)})` : ""}`, timings: t.p50Ms };
    }),
  );
  if (columns.length === 0) return "";
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c.timings)))].sort((a, b) => (a === "total" ? 1 : b === "total" ? -1 : a.localeCompare(b)));
  const w = Math.max(...keys.map((k) => k.length), 5);
  const widths = columns.map((c) => Math.max(c.title.length, 7));
  const header = `  ${"query".padEnd(w)}  ${columns.map((c, i) => c.title.padStart(widths[i] ?? 7)).join("  ")}`;
  const lines = keys.map((k) => `  ${k.padEnd(w)}  ${columns.map((c, i) => (c.timings[k] === undefined ? "–" : String(c.timings[k])).padStart(widths[i] ?? 7)).join("  ")}`);
  return [header, `  ${"-".repeat(header.length - 2)}`, ...lines].join("\n");
}
