import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { breakdown } from "@/lib/analytics/engines/clickhouse/queries/breakdown";
import { goalConversions } from "@/lib/analytics/engines/clickhouse/queries/goal-conversions";
import { timeseries } from "@/lib/analytics/engines/clickhouse/queries/timeseries";
import { totals } from "@/lib/analytics/engines/clickhouse/queries/totals";
import { addDays, localDate } from "@/lib/analytics/dates";
import { previousRange, resolveRange } from "@/lib/analytics/query/range";
import { DIMENSIONS, type Filters, type StatsQuery } from "@/lib/analytics/types";
import { openClickHouse } from "@/lib/analytics/engines/clickhouse/client";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";

// ClickHouse query benchmark: `npx tsx scripts/query-dev/clickhouse-bench.ts [--visits N] [--runs N] [--only totals,page]`.
// Generates one site's traffic over 30 days straight into a throwaway embedded ClickHouse
// (INSERT … SELECT FROM numbers: ~4.3M visits, ~10M events by default, in the 30 days up to now; ~3000 paths with a
// skew, /pricing common, ~50 countries with DE frequent, 2.2 pages a visit), then times every
// dashboard query one by one and whole dashboards (all queries at once, as the page asks),
// unfiltered and filtered, p50 of --runs. The tables are merged first (OPTIMIZE … FINAL: the
// state background merges reach; unmerged visit versions make every FINAL read dearer), and
// the first unfiltered dashboard, which fills the kept day rows (day-rows-cache.ts), is timed
// on its own.

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const VISITS = Number(arg("--visits", "4300000"));
const RUNS = Number(arg("--runs", "5"));
const ONLY = arg("--only", "").split(",").filter(Boolean);
// --dir PATH keeps the generated data there and reuses it on the next run (same --visits).
const DIR = arg("--dir", "");
const SITE = "bench-site";
const TZ = "Europe/Berlin";
const LAST_DAY = localDate(TZ, new Date());
const FIRST_DAY = addDays(LAST_DAY, -29);

// u(k): a uniform number in [0, 1) per visit and k; the same for a visit's row and its events.
const u = (k: string) => `(cityHash64(v, ${k}) % 1000000) / 1000000.0`;
const path = (k: string) => `multiIf(${u(`${k}, 1`)} < 0.2, '/', ${u(`${k}, 1`)} < 0.28, '/pricing', ${u(`${k}, 1`)} < 0.32, '/signup',
  concat('/blog/post-', toString(toUInt32(pow(${u(`${k}, 2`)}, 2.5) * 3000))))`;
const pick = (values: string[], r: string, skew: number) => `[${values.map((v) => `'${v}'`).join(",")}][1 + toUInt32(pow(${r}, ${skew}) * ${values.length})]`;
const COUNTRIES = "US DE GB FR IN NL CA BR ES IT PL SE JP AU CH AT BE DK FI NO IE PT CZ RO HU GR TR MX AR CO ZA NG KE EG IL AE SG KR ID PH NZ CL PE VN TH MY UA SK BG HR".split(" ");

const GENERATE_VISITS = `INSERT INTO visits
SELECT site_id, v AS visit_id, visitor_id, started_at, started_at + toIntervalSecond((pageviews - 1) * gap + 5 * events) AS ended_at,
  ${path("0")} AS entry_page, ${path("pageviews - 1")} AS exit_page, pageviews, events,
  arrayDistinct(arrayMap(k -> ${path("k")}, range(pageviews))) AS pages, if(events > 0, ['Signup'], []) AS event_names,
  source, referrer_host, channel, utm_source, utm_medium, utm_campaign, NULL AS utm_content, NULL AS utm_term,
  country, concat(country, '-R', toString(toUInt32(pow(${u("13")}, 2) * 12))) AS region, concat(country, ' City ', toString(toUInt32(pow(${u("14")}, 2) * 60))) AS city,
  ${pick(["Chrome", "Safari", "Firefox", "Edge", "Opera", "Samsung Internet"], u("15"), 2.5)} AS browser,
  ${pick(["Windows", "macOS", "iOS", "Android", "Linux", "ChromeOS"], u("16"), 1.6)} AS os,
  ${pick(["desktop", "mobile", "tablet"], u("17"), 1.7)} AS device,
  pageviews + events AS version
FROM (
  SELECT number AS v, '${SITE}' AS site_id,
    fromUnixTimestamp64Milli(toInt64(${Date.now() - 30 * 86_400_000} + ${u("0")} * 30 * 86400000), 'UTC') AS started_at,
    toInt64(toYYYYMMDD(started_at)) * 10000000 + toInt64(${u("1")} * ${Math.round(VISITS / 30 / 1.25)}) AS visitor_id,
    toUInt32(1 + if(${u("2")} < 0.4, 0, 1 + toUInt32(pow(${u("3")}, 1.5) * 4))) AS pageviews,
    toUInt32(${u("4")} < 0.05) AS events, toUInt32(10 + ${u("5")} * 110) AS gap,
    ${pick(COUNTRIES, u("11"), 2.2)} AS country,
    multiIf(${u("6")} < 0.4, 'Direct / None', ${u("6")} < 0.62, 'Google', ${u("6")} < 0.67, 'Twitter', ${u("6")} < 0.71, 'Hacker News', concat('ref-', toString(toUInt32(pow(${u("7")}, 2) * 800)), '.example')) AS source,
    multiIf(${u("6")} < 0.4, NULL, ${u("6")} < 0.62, 'www.google.com', ${u("6")} < 0.67, 't.co', ${u("6")} < 0.71, 'news.ycombinator.com', source) AS referrer_host,
    multiIf(${u("6")} < 0.4, 'direct', ${u("6")} < 0.62, 'search', ${u("6")} < 0.67, 'social', 'referral') AS channel,
    if(${u("8")} < 0.1, ${pick(["newsletter", "twitter", "facebook", "reddit"], u("9"), 1)}, NULL) AS utm_source,
    if(${u("8")} < 0.1, ${pick(["email", "social", "cpc"], u("9"), 1)}, NULL) AS utm_medium,
    if(${u("8")} < 0.1, concat('campaign-', toString(toUInt32(pow(${u("10")}, 2) * 40))), NULL) AS utm_campaign,
    toUInt32(10 + ${u("5")} * 110) AS gap2
  FROM numbers({first:UInt64}, {count:UInt64})
)`;

const GENERATE_EVENTS = `INSERT INTO events (site_id, ts, name, visitor_id, visit_id, pathname, props, visit_started_at, entry_page, source, referrer_host,
  channel, utm_source, utm_medium, utm_campaign, utm_content, utm_term, country, region, city, browser, os, device)
SELECT site_id, if(k < pageviews, started_at + toIntervalSecond(k * toUInt32(10 + ${u("5")} * 110)), ended_at) AS ts,
  if(k < pageviews, 'pageview', 'Signup') AS name, visitor_id, v, if(k < pageviews, ${path("k")}, exit_page), NULL,
  started_at, entry_page, source, referrer_host, channel, utm_source, utm_medium, utm_campaign, utm_content, utm_term, country, region, city, browser, os, device
FROM (SELECT *, visit_id AS v FROM visits WHERE site_id = '${SITE}' AND visit_id >= {first:UInt64} AND visit_id < {first:UInt64} + {count:UInt64})
ARRAY JOIN range(pageviews + events) AS k`;

async function generate(ch: ClickHouse): Promise<void> {
  const started = performance.now();
  const step = 1_000_000;
  for (let first = 0; first < VISITS; first += step) {
    const count = Math.min(step, VISITS - first);
    await ch.command(GENERATE_VISITS, { first, count });
    await ch.command(GENERATE_EVENTS, { first, count });
  }
  const [counts] = await ch.query<{ visits: number; events: number; pageviews: number }>(
    `SELECT (SELECT count() FROM visits) AS visits, (SELECT count() FROM events) AS events, (SELECT countIf(name = 'pageview') FROM events) AS pageviews`,
  );
  console.log(`generated ${JSON.stringify(counts)} in ${Math.round(performance.now() - started)} ms`);
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const GOALS = [
  { id: "signup", eventName: "Signup", pagePath: null },
  { id: "pricing", eventName: null, pagePath: "/pricing" },
];

function dashboardQueries(ch: ClickHouse, q: StatsQuery): Record<string, () => Promise<unknown>> {
  return {
    totals: () => totals(ch, q, q.range),
    "totals (previous)": () => totals(ch, q, previousRange(q.range)),
    timeseries: () => timeseries(ch, q),
    goals: () => goalConversions(ch, q, GOALS),
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, () => breakdown(ch, q, d, { limit: 10 })])),
  };
}

// Generating a million visits takes longer than the app's 30-s call limit on a slow machine.
const ch = DIR ? await openClickHouse({ dataDir: DIR, queryTimeoutMs: 600_000 }) : await startTestClickHouse();
try {
  const [stored] = await ch.query<{ n: string }>(`SELECT count() AS n FROM visits WHERE site_id = '${SITE}'`);
  if (Number(stored?.n ?? 0) === 0) {
    await generate(ch);
    const merging = performance.now();
    for (const table of ["visits", "events"]) await ch.command(`OPTIMIZE TABLE ${table} FINAL`);
    console.log(`merged in ${Math.round(performance.now() - merging)} ms`);
  } else console.log(`reusing ${stored?.n} visits in ${DIR}`);
  const range = resolveRange({ period: "custom", from: FIRST_DAY, to: LAST_DAY }, TZ);
  const unfiltered: StatsQuery = { site: { id: SITE, timezone: TZ }, range, filters: {} };
  const fill = await time(() => Promise.all(Object.values(dashboardQueries(ch, unfiltered)).map((run) => run())));
  console.log(`first unfiltered dashboard (fills the kept day rows): ${Math.round(fill)} ms`);
  for (const filters of [{}, { country: "DE" }, { page: "/pricing" }, { country: "DE", page: "/pricing" }] as Filters[]) {
    const q: StatsQuery = { site: { id: SITE, timezone: TZ }, range, filters };
    const queries = Object.entries(dashboardQueries(ch, q)).filter(([name]) => ONLY.length === 0 || ONLY.includes(name));
    const single: string[] = [];
    for (const [name, run] of queries) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await time(run));
      single.push(`${name} ${Math.round(p50(runs))}`);
    }
    const pages = [];
    for (let i = 0; i < RUNS; i++) pages.push(await time(() => Promise.all(queries.map(([, run]) => run()))));
    // What the dashboard page asks for (components/dashboard/dashboard-data.ts): the top stats,
    // the graph, the first tab of each panel and the goals, all at once.
    const pageParts = ["totals", "totals (previous)", "timeseries", "goals", "channel", "page", "country", "browser"];
    const all = dashboardQueries(ch, q);
    const pageLoads = [];
    const panel = (d: "channel" | "page" | "country" | "browser") => () => breakdown(ch, q, d, { limit: 9, visitorsOnly: true });
    const asked = pageParts.map((name) => (["channel", "page", "country", "browser"].includes(name) ? panel(name as "page") : all[name]!));
    for (let i = 0; i < RUNS; i++) pageLoads.push(await time(() => Promise.all(asked.map((run) => run()))));
    console.log(`\n${JSON.stringify(filters)}: the page's queries p50 ${Math.round(p50(pageLoads))} ms`);
    const sum = single.reduce((s, x) => s + Number(x.split(" ").pop()), 0);
    console.log(`\n${JSON.stringify(filters)}: dashboard p50 ${Math.round(p50(pages))} ms (all at once), ${sum} ms one by one`);
    console.log(`  ${single.join(" · ")}`);
  }
} finally {
  await ch.close();
}
