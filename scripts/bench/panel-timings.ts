import { buildStatsQuery, getDashboardData, parseStatsParams } from "@/lib/analytics/query";
import { listGoals } from "@/lib/sites/goals";
import { quantile, round1 } from "./stats";

// Each panel's query time as getDashboardData reports it (milliseconds from the start of a
// full dashboard's queries until that query answered, pool wait included; all run in
// parallel), p50 over `runs` runs after one warm-up run. Run in the benchmark process
// against the same database, so the figures are the queries alone, without rendering.

export type PanelTimings = Record<string, number>;

export async function timePanels(site: { id: string; timezone: string }, search: string, runs: number): Promise<PanelTimings> {
  const goals = await listGoals(site.id);
  const query = buildStatsQuery(site, parseStatsParams(new URLSearchParams(search)));
  await getDashboardData(query, goals);
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const { timings } = await getDashboardData(query, goals);
    for (const [key, ms] of Object.entries(timings)) samples.set(key, [...(samples.get(key) ?? []), ms]);
  }
  return Object.fromEntries([...samples].map(([key, values]) => [key, round1(quantile(values, 0.5))]));
}
