// npm run seed:demo — a demo account (demo@ministat.local) with the site demo.ministat.local
// holding a realistic month of traffic (≈1M pageviews, daily and weekly rhythm, long-tail
// pages, sources, places, devices, two goals), so a newcomer sees a full dashboard at once.
// Uses the same database as `npm start` (DATABASE_URL, or the embedded one under DATA_DIR);
// running it again replaces the demo site's data. `--engine=clickhouse` puts the traffic in
// the ClickHouse analytics engine (CLICKHOUSE_URL, or the embedded one under DATA_DIR — stop
// the app first: one process at a time holds it); the default is ANALYTICS_ENGINE's engine.
import { parseArgs } from "node:util";
import { openStore, parseEngine, selectedEngine } from "@/lib/analytics/get-analytics-store";
import { getAppUrl } from "@/lib/config/env";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { applyMigrations } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { openLocalDatabase } from "./seed/local-database";
import { describeProgress } from "./seed/progress";
import { seedSiteTraffic } from "./seed/seed-site";
import { DEMO_GOALS, ensureSiteWithOwner } from "./seed/site-owner";

const DEMO = { email: "demo@ministat.local", domain: "demo.ministat.local", timezone: "Europe/Vilnius" };
const PAGEVIEWS = Number(process.env.DEMO_PAGEVIEWS ?? 1_000_000);
const DAYS = 30;

const { values: args } = parseArgs({ options: { engine: { type: "string" } } });
const engine = args.engine === undefined ? selectedEngine() : parseEngine(args.engine, "--engine");
const log = (line: string) => console.log(line);
const dataDir = process.env.DATA_DIR ?? ".data";
loadLocalSecrets(dataDir);
const db = await openLocalDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), log });

const store = await openStore(engine).catch(async (error: unknown) => {
  await db.close();
  throw error;
});
try {
  log(db.started ? `Started the local Postgres (${dataDir}/pg) for this run.` : `Using the running database.`);
  await applyMigrations(db.url);
  const { site } = await ensureSiteWithOwner(DEMO);
  log(`Demo account ${DEMO.email} with site ${site.domain} (${site.timezone}); goals: ${DEMO_GOALS.map((g) => g.value).join(", ")}.`);
  log(`Generating ${PAGEVIEWS.toLocaleString("en-US")} pageviews over the last ${DAYS} days into the ${engine} engine (replacing the site's earlier data) …`);
  const result = await seedSiteTraffic({
    databaseUrl: db.url,
    store,
    site,
    days: DAYS,
    pageviews: PAGEVIEWS,
    onProgress: (p) => {
      const line = describeProgress(p);
      if (line) log(`  ${line}`);
    },
  });
  log(
    `Done in ${(result.totalMs / 1000).toFixed(1)} s: ${result.visits.toLocaleString("en-US")} visits, ${result.pageviews.toLocaleString("en-US")} pageviews, ` +
      `${result.customEvents.toLocaleString("en-US")} custom events (written at ${result.eventsPerSecond.toLocaleString("en-US")} events/s).`,
  );
  const app = getAppUrl();
  log(`
Sign in: start the app (${engine === "postgres" ? "" : `ANALYTICS_ENGINE=${engine} `}npm start), open ${app}/login and enter ${DEMO.email};
the sign-in link appears at ${app}/dev/mailbox.
Dashboard: ${app}/sites/${site.domain}`);
} catch (error) {
  console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
  await closePool();
  await prisma.$disconnect();
  await db.close();
}
