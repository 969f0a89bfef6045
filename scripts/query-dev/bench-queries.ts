import { randomBytes } from "node:crypto";
import pg from "pg";

// Query benchmark on synthetic data:
// `npx tsx scripts/query-dev/bench-queries.ts [--reset] [--rebuild] [--verbose] [--visits-per-day N] [--filters country=DE]`.
// Starts the scratch Postgres (.data/query-dev, port 54470), loads ~1M pageviews over 30 days
// into database query_bench once, and prints rollup refresh times and full-dashboard times
// (p50/max of 10 loads), unfiltered and filtered.

const args = process.argv.slice(2);
const visitsPerDay = Number(args[args.indexOf("--visits-per-day") + 1] ?? 0) || 11_700;
const database = `query_bench_${visitsPerDay}`;
const only = args.includes("--filters") ? (args[args.indexOf("--filters") + 1] ?? "") : "";
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");

const { startScratchDb } = await import("./scratch-db");
const db = await startScratchDb(database);
process.env.DATABASE_URL = db.url;
const { getPool, closePool } = await import("@/lib/db/pool");
const { insertSyntheticTraffic, createSyntheticSite } = await import("@/tests/support/synthetic-traffic");
const { rebuildSiteRollups, refreshDailyRollups } = await import("@/lib/analytics/rollups");
const { resolveRange, addDays, localDate } = await import("@/lib/analytics/query");
const { runDashboardQueries } = await import("@/scripts/bench/run-dashboard-queries");
type Filters = import("@/lib/analytics/types").Filters;

const pool = getPool();
const today = localDate("Etc/UTC", new Date());
const ms = (start: number) => Math.round(performance.now() - start);

async function ensureSite(domain: string, days: number, perDay: number, firstDay: string): Promise<string> {
  if (args.includes("--reset")) await pool.query("DELETE FROM sites WHERE domain = $1", [domain]);
  const found = await pool.query<{ id: string; visits: boolean; rollups: boolean }>(
    `SELECT id, EXISTS (SELECT 1 FROM visits v WHERE v.site_id = s.id) AS visits,
       EXISTS (SELECT 1 FROM daily_stats d WHERE d.site_id = s.id) AS rollups FROM sites s WHERE domain = $1`,
    [domain],
  );
  let siteId = found.rows[0]?.id;
  if (found.rows[0]?.rollups && siteId && !args.includes("--rebuild")) return siteId;
  if (!siteId || !found.rows[0]?.visits) {
    await pool.query("DELETE FROM sites WHERE domain = $1", [domain]);
    siteId = (await createSyntheticSite(pool, { domain, timezone: "Etc/UTC" })).siteId;
    const t = performance.now();
    const counts = await insertSyntheticTraffic(pool, { siteId, firstDay, days, visitsPerDay: perDay });
    console.log(`${domain}: inserted ${JSON.stringify(counts)} in ${ms(t)} ms`);
  }
  for (const table of ["visits", "events"]) await pool.query(`VACUUM ANALYZE ${table}`);
  const rebuilt = await rebuildSiteRollups(siteId);
  console.log(`${domain}: rebuilt ${rebuilt.days} days of rollups in ${rebuilt.ms} ms`);
  for (const table of ["daily_stats", "daily_filter_stats", "hourly_stats"]) await pool.query(`VACUUM ANALYZE ${table}`);
  return siteId;
}

const siteId = await ensureSite(`bench-${visitsPerDay}.example`, 30, visitsPerDay, addDays(today, -29));

async function timeDayRefresh(id: string, day: string): Promise<void> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM events WHERE site_id = $1 AND name = 'pageview' AND ts >= $2::date AND ts < $2::date + 1",
    [id, day],
  );
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await refreshDailyRollups(id, "Etc/UTC", [day]);
    runs.push(ms(t));
  }
  console.log(`refresh one day (${rows[0]?.n} pageviews): ${runs.join(", ")} ms`);
}
// The busiest day (a weekday) of the month, and with --big-day one day of ~350k pageviews.
const busiest = await pool.query<{ day: string }>(
  "SELECT to_char(day, 'YYYY-MM-DD') AS day FROM daily_stats WHERE site_id = $1 AND dimension = 'total' AND day < $2 ORDER BY pageviews DESC LIMIT 1",
  [siteId, today],
);
if (!only) await timeDayRefresh(siteId, busiest.rows[0]?.day ?? addDays(today, -3));
if (args.includes("--big-day")) {
  const bigDay = addDays(today, -1);
  const bigSite = await ensureSite("bench-big-day.example", 1, Math.round(350_000 / 3 / (new Date(`${bigDay}T00:00:00Z`).getUTCDay() % 6 === 0 ? 0.7 : 1.1)), bigDay);
  await timeDayRefresh(bigSite, bigDay);
}

const goals = [
  { id: "g1", eventName: "Signup", pagePath: null },
  { id: "g2", eventName: null, pagePath: "/pricing" },
];

async function bench(label: string, filters: Filters, period: "30d" | "7d" | "today" | "12mo" = "30d"): Promise<number> {
  const q = { site: { id: siteId, timezone: "Etc/UTC" }, range: resolveRange({ period }, "Etc/UTC"), filters };
  await runDashboardQueries(q, goals); // warm-up
  const totals: number[] = [];
  let slowest: Record<string, number> = {};
  for (let i = 0; i < 10; i++) {
    const { timings } = await runDashboardQueries(q, goals);
    totals.push(timings.total ?? 0);
    if ((timings.total ?? 0) >= Math.max(...totals)) slowest = timings;
  }
  totals.sort((a, b) => a - b);
  const p50 = totals[4] ?? 0;
  console.log(`${label.padEnd(36)} p50 ${p50.toFixed(1)} ms  min ${(totals[0] ?? 0).toFixed(1)} ms  max ${(totals[9] ?? 0).toFixed(1)} ms`);
  if (args.includes("--verbose")) console.log(slowest);
  return p50;
}

const base = await bench("30d unfiltered", {});
const filterSets: Filters[] = only
  ? [Object.fromEntries(new URLSearchParams(only))]
  : [{ country: "DE" }, { source: "Google" }, { browser: "Firefox", country: "US" }, { page: "/pricing" }, { page: "/blog/post-10" }, { event: "Signup" }, { entry_page: "/" }];
if (!only) {
  await bench("7d unfiltered", {}, "7d");
  await bench("today unfiltered", {}, "today");
  await bench("12mo unfiltered", {}, "12mo");
}
for (const filters of filterSets) {
  const p50 = await bench(`30d ${new URLSearchParams(filters as Record<string, string>).toString()}`, filters);
  console.log(`${"".padEnd(36)} = ${(p50 / base).toFixed(2)}× unfiltered`);
}
await closePool();
await db.stop();
void pg;
