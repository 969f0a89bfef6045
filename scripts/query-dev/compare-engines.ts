// npx tsx scripts/query-dev/compare-engines.ts [--site demo.ministat.local]
// After `npm run analytics:copy`: asks both analytics engines for the same dashboards of a
// site (top stats, graph, goals and all 15 panels; unfiltered and filtered; four periods) and
// prints whether every number is the same, with each engine's time. Exit code 1 when a view
// differs. Same database as `npm start` (stop the app first: the embedded ClickHouse belongs
// to one process).
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { isDeepStrictEqual } from "node:util";
import { parseArgs } from "node:util";
import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { openStore } from "@/lib/analytics/get-analytics-store";
import { previousRange, resolveRange, type RangeInput } from "@/lib/analytics/query";
import { DIMENSIONS, type Filters, type GoalDefinition, type StatsQuery } from "@/lib/analytics/types";
import { getPool } from "@/lib/db/pool";
import { withScriptDatabase } from "@/lib/db/script-database";

const { values } = parseArgs({ options: { site: { type: "string", default: "demo.ministat.local" } } });
const PERIODS: RangeInput[] = [{ period: "30d" }, { period: "7d" }, { period: "month" }, { period: "today" }];
const FILTERS: Filters[] = [{}, { country: "DE" }, { page: "/pricing" }, { country: "DE", page: "/pricing" }, { event: "Signup" }, { browser: "Firefox" }];

async function dashboard(store: AnalyticsStore, q: StatsQuery, goals: GoalDefinition[]): Promise<unknown> {
  const [current, previous, series, goalRows, ...panels] = await Promise.all([
    store.totals(q, q.range),
    store.totals(q, previousRange(q.range)),
    store.timeseries(q),
    store.goalConversions(q, goals),
    ...DIMENSIONS.map((d) => store.breakdown(q, d, { limit: 100 })),
  ]);
  return { current, previous, series, goalRows, panels };
}

async function compare(domain: string): Promise<number> {
  const { rows: sites } = await getPool().query<{ id: string; timezone: string }>("SELECT id, timezone FROM sites WHERE domain = $1", [domain]);
  const site = sites[0];
  if (!site) {
    console.error(`No site ${domain}.`);
    return 1;
  }
  const { rows: goals } = await getPool().query<GoalDefinition>('SELECT id, event_name AS "eventName", page_path AS "pagePath" FROM goals WHERE site_id = $1 ORDER BY id', [site.id]);
  const postgres = await openStore("postgres");
  const clickhouse = await openStore("clickhouse");
  let differ = 0;
  try {
    for (const input of PERIODS) {
      for (const filters of FILTERS) {
        const q: StatsQuery = { site: { id: site.id, timezone: site.timezone }, range: resolveRange(input, site.timezone), filters };
        const started = performance.now();
        const fromPostgres = await dashboard(postgres, q, goals);
        const postgresMs = performance.now() - started;
        const fromClickHouse = await dashboard(clickhouse, q, goals);
        const clickhouseMs = performance.now() - started - postgresMs;
        const same = isDeepStrictEqual(JSON.parse(JSON.stringify(fromPostgres)), JSON.parse(JSON.stringify(fromClickHouse)));
        if (!same) differ++;
        console.log(
          `${same ? "same     " : "DIFFERENT"} ${input.period.padEnd(6)} ${JSON.stringify(filters).padEnd(36)} postgres ${Math.round(postgresMs)} ms, clickhouse ${Math.round(clickhouseMs)} ms`,
        );
      }
    }
  } finally {
    await clickhouse.close();
    await postgres.close();
  }
  console.log(differ === 0 ? "Every view is the same on both engines." : `${differ} view(s) differ.`);
  return differ === 0 ? 0 : 1;
}

withScriptDatabase(() => compare(values.site)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`compare-engines failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
