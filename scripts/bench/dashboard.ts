import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { describeProgress } from "../seed/progress";
import { seedSiteTraffic, type SeedProgress, type SeedResult } from "../seed/seed-site";
import { timePanels, type PanelTimings } from "./panel-timings";
import type { LoadPlan } from "./budget";
import type { BenchServer } from "./engine-access";
import { timeView, type ViewTiming } from "./page-loads";
import { ratioTo } from "./stats";

// (b) Dashboard: one site filled with a month of generated traffic (1M or 10M pageviews),
// then the signed-in dashboard page timed over HTTP — unfiltered and with two filters —
// plus the realtime poll, the Stats API's three endpoints for the same views (with an API
// key, over HTTP), and each panel's query time from runDashboardQueries.

export const VIEWS = [
  { view: "unfiltered", search: "period=30d" },
  { view: "country=DE", search: "period=30d&country=DE" },
  { view: "page=/pricing", search: "period=30d&page=%2Fpricing" },
  { view: "country=DE&page=/pricing", search: "period=30d&country=DE&page=%2Fpricing" },
] as const;

// What a script asks the Stats API for a view: its totals, the daily series and the top pages.
export const STATS_API_CALLS = [
  { endpoint: "aggregate", params: "metrics=visitors,visits,pageviews,bounce_rate,visit_duration" },
  { endpoint: "timeseries", params: "metrics=visitors,pageviews" },
  { endpoint: "breakdown", params: "property=page&metrics=visitors,pageviews,bounce_rate&limit=10" },
] as const;

/** How a Stats API call's timing is named ("breakdown country=DE"). */
export function statsApiCallName(endpoint: (typeof STATS_API_CALLS)[number]["endpoint"], view: string): string {
  return `${endpoint} ${view}`;
}

export type DashboardResult = {
  label: string;
  domain: string;
  seed: SeedResult;
  /** Page loads over HTTP; null when the server was not available. */
  pages: ViewTiming[] | null;
  realtime: ViewTiming | null;
  /** Stats API requests over HTTP (view "aggregate country=DE" …); null when the server was not available. */
  statsApi: ViewTiming[] | null;
  /** p50 of each filtered view divided by the unfiltered p50. */
  filteredRatio: Record<string, number> | null;
  panels: Record<string, PanelTimings | { error: string }>;
};

type Options = {
  label: string;
  pageviews: number;
  databaseUrl: string;
  site: { id: string; domain: string; timezone: string };
  server: BenchServer;
  cookie: string;
  /** A Stats API key of the site's owner. */
  apiKey: string;
  plan: LoadPlan;
  log: (line: string) => void;
};

/** Fills the site with a month of generated traffic (also used by the contention phase when run alone). */
export async function seedDashboardSite(options: Pick<Options, "pageviews" | "databaseUrl" | "site" | "log"> & { store: AnalyticsStore }): Promise<SeedResult> {
  const { site, log } = options;
  log(`  generating ${options.pageviews.toLocaleString("en-US")} pageviews over 30 days into ${site.domain} (${options.store.engine}) …`);
  const seed = await seedSiteTraffic({ databaseUrl: options.databaseUrl, store: options.store, site, days: 30, pageviews: options.pageviews, onProgress: progressPrinter(log) });
  log(
    `  seeded ${seed.events.toLocaleString("en-US")} events (${seed.visits.toLocaleString("en-US")} visits) in ${(seed.writeMs / 1000).toFixed(1)} s ` +
      `= ${seed.eventsPerSecond.toLocaleString("en-US")} events/s; VACUUM ANALYZE ${(seed.analyzeMs / 1000).toFixed(1)} s; rollups ${(seed.rollupMs / 1000).toFixed(1)} s`,
  );
  return seed;
}

export async function benchDashboard(options: Options): Promise<DashboardResult> {
  const { site, log } = options;
  // Seeding and the per-panel query times need this process's store (on the embedded
  // ClickHouse the server is stopped meanwhile); the page loads come after.
  const { seed, panels } = await options.server.withStore(async (store) => {
    const seeded = await seedDashboardSite({ ...options, store });
    return { seed: seeded, panels: await timeAllPanels(site, options.plan, log) };
  });

  let pages: ViewTiming[] | null = null;
  let realtime: ViewTiming | null = null;
  let statsApi: ViewTiming[] | null = null;
  let filteredRatio: Record<string, number> | null = null;
  const server = options.server.current();
  if (server) {
    const { url } = server;
    const cookie = { cookie: options.cookie };
    const base = `/sites/${encodeURIComponent(site.domain)}`;
    // A panel that failed on the server still streams in a 200, as an error digest.
    const pageProblem = (body: string) =>
      !body.includes(site.domain) ? "not the dashboard" : body.includes("data-dgst") || body.includes('$RX("') ? "a panel failed" : null;
    pages = [];
    for (const { view, search } of VIEWS) {
      const timing = await timeView(url, view, `${base}?${search}`, cookie, options.plan, pageProblem);
      log(
        timing.failed
          ? `  GET ${timing.path}: ✗ failed ${JSON.stringify(timing.statuses)} after ${Number.isNaN(timing.maxMs) ? "the timeout" : `${timing.maxMs} ms`}`
          : `  GET ${timing.path}: p50 ${timing.p50Ms} ms, max ${timing.maxMs} ms over ${timing.loads} loads (warm-up ${timing.firstMs} ms)`,
      );
      pages.push(timing);
    }
    realtime = await timeView(url, "realtime", `${base}/realtime`, cookie, options.plan, (body) => (body.includes("visitors") ? null : "no visitors count"));
    const unfiltered = pages[0]?.p50Ms ?? Number.NaN;
    filteredRatio = Object.fromEntries(pages.slice(1).map((p) => [p.view, ratioTo(p.p50Ms, unfiltered)]));
    statsApi = await timeStatsApi(url, site.domain, options.apiKey, options.plan, log);
  }

  return { label: options.label, domain: site.domain, seed, pages, realtime, statsApi, filteredRatio, panels };
}

async function timeStatsApi(url: string, domain: string, apiKey: string, plan: LoadPlan, log: (line: string) => void): Promise<ViewTiming[]> {
  const headers = { authorization: `Bearer ${apiKey}` };
  const timings: ViewTiming[] = [];
  for (const { view, search } of VIEWS) {
    for (const { endpoint, params } of STATS_API_CALLS) {
      const path = `/api/v1/stats/${endpoint}?site_id=${encodeURIComponent(domain)}&${search}&${params}`;
      const timing = await timeView(url, statsApiCallName(endpoint, view), path, headers, plan, (body) => (body.includes('"results"') ? null : "no results"));
      log(
        timing.failed
          ? `  Stats API ${timing.view}: ✗ failed ${JSON.stringify(timing.statuses)}`
          : `  Stats API ${timing.view}: p50 ${timing.p50Ms} ms, max ${timing.maxMs} ms over ${timing.loads} requests (warm-up ${timing.firstMs} ms)`,
      );
      timings.push(timing);
    }
  }
  return timings;
}

async function timeAllPanels(site: Options["site"], plan: LoadPlan, log: (line: string) => void): Promise<Record<string, PanelTimings | { error: string }>> {
  const panels: Record<string, PanelTimings | { error: string }> = {};
  for (const { view, search } of VIEWS) {
    try {
      const timing = await timePanels(site, search, plan);
      log(`  runDashboardQueries ${view}: total p50 ${timing.p50Ms.total ?? "–"} ms over ${timing.runs} runs`);
      panels[view] = timing;
    } catch (error) {
      panels[view] = { error: error instanceof Error ? error.message : String(error) };
      log(`  runDashboardQueries ${view}: ✗ ${panels[view].error}`);
    }
  }
  return panels;
}

function progressPrinter(log: (line: string) => void): (p: SeedProgress) => void {
  return (p) => {
    const line = describeProgress(p);
    if (line && !("done" in p && p.done)) log(`    ${line}`);
  };
}
