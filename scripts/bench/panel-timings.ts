import { buildStatsQuery, parseStatsParams } from "@/lib/analytics/query";
import { listGoals } from "@/lib/sites/goals";
import { anotherSample, type LoadPlan } from "./budget";
import { runDashboardQueries } from "./run-dashboard-queries";
import { quantile, round1 } from "./stats";

// Each panel's query time as runDashboardQueries reports it (milliseconds from the start of a
// full dashboard's queries until that query answered, pool wait included; they run in
// parallel), p50 over up to `loads` runs after one warm-up run (fewer for a very slow
// view, see budget.ts). Run in the benchmark process against the same database,
// so the figures are the queries alone, without rendering.

export type PanelTimings = { runs: number; p50Ms: Record<string, number> };

export async function timePanels(site: { id: string; timezone: string }, search: string, plan: LoadPlan): Promise<PanelTimings> {
  const started = performance.now();
  const goals = await listGoals(site.id);
  const query = buildStatsQuery(site, parseStatsParams(new URLSearchParams(search)));
  const warmUpStarted = performance.now();
  const warmUp = await runDashboardQueries(query, goals);
  const warmUpMs = performance.now() - warmUpStarted;
  const samples = new Map<string, number[]>();
  let runs = 0;
  while (anotherSample(runs, started, warmUpMs, plan)) {
    const { timings } = await runDashboardQueries(query, goals);
    for (const [key, ms] of Object.entries(timings)) samples.set(key, [...(samples.get(key) ?? []), ms]);
    runs++;
  }
  if (runs === 0) for (const [key, ms] of Object.entries(warmUp.timings)) samples.set(key, [ms]);
  return { runs, p50Ms: Object.fromEntries([...samples].map(([key, values]) => [key, round1(quantile(values, 0.5))])) };
}
